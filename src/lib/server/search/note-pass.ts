import { sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { queryRows, schema, type Db } from '../db/index.ts';
import { keptWordsOf } from './common-words.ts';
import { hasNoteFilter, noteFilters } from './filters.ts';
import { isPlainWords, matchingHiddenNotes, matchingNotes, type Matches } from './note-match.ts';
import { countNotes, type NoteCounts } from './note-counts.ts';
import { newestNotes, rankNotes, type Extra, type NoteHit } from './note-ranking.ts';
import type { ParsedSearchQuery } from './schemas.ts';

const { noteSearch } = schema;

export type { FacetRow, NoteCounts } from './note-counts.ts';
export type { NoteHit } from './note-ranking.ts';
export { compareMicros } from './note-ranking.ts';

/** Room for the grouping of the most common word's matches without spilling to disk. */
const WORK_MEM = '32MB';

type Window = { sort: 'relevance'; take: number } | { sort: 'recent'; take: number; after: { at: string; key: string } | null };

/**
 * The notes part of a search: the total and facets of every match, and the matches of the page. Two statements, which
 * PostgreSQL runs at once on two connections; the page's matches are returned apart, so that the page can be shown
 * while the counting goes on. `extra` adds notes found by their title's likeness to the query (typos), with that
 * likeness (0 to 1).
 */
export function startNotePass(
	db: Db,
	viewer: Viewer,
	q: ParsedSearchQuery,
	window: Window,
	extra: Extra[] = []
): { hits: Promise<NoteHit[]>; counts: Promise<NoteCounts> } {
	const text = q.q;
	const filters = noteFilters(viewer, q);
	const words = matchingNotes(
		'document',
		text,
		extra.map((e) => e.id)
	);
	const matches: Matches = text
		? { from: words.from, where: sql`${words.where} and ${filters}` }
		: { from: sql`${noteSearch}`, where: filters };
	// A title holds only words its document holds, so a title match is a match, unless the query leaves out a word that
	// the body has: only then is the document checked too (read from TOAST, for the title matches only).
	const excludes = /(^|\s)-\S/.test(text);
	const titleWords = matchingNotes('titleVector', text);
	const titles: Matches = {
		from: titleWords.from,
		where: sql`${titleWords.where} and ${filters} ${excludes ? sql`and ${noteSearch.document} @@ commonplace_search_query(${text}::text)` : sql``}`
	};
	const counts = tuned(db, Boolean(text), async (tx) => {
		// A common word's public notes are counted ahead: only the rest of its matches are counted here.
		const kept = text && isPlainWords(text) && !extra.length && !hasNoteFilter(q) ? await keptWordsOf(tx, text) : [];
		if (!kept.length) return countNotes(tx, viewer, matches);
		const configs = new Set(kept.map((k) => k.config));
		const seesHidden = viewer.kind === 'account';
		const rest = matchingHiddenNotes(text, (c) => (!configs.has(c) ? 'all' : seesHidden ? 'hidden' : 'none'));
		return countNotes(tx, viewer, rest && { from: rest.from, where: sql`${rest.where} and ${filters}` }, kept);
	});
	const hits = tuned(db, Boolean(text), async (tx) =>
		window.sort === 'relevance' && text
			? rankNotes(tx, text, matches, titles, extra, window.take)
			: newestNotes(tx, matches, window.sort === 'recent' ? window.after : null, window.take, await recentSince(tx))
	);
	// Both are awaited by the caller; this keeps a failure of the one not yet awaited from going unhandled meanwhile.
	counts.catch(() => undefined);
	hits.catch(() => undefined);
	return { hits, counts };
}

/**
 * Runs a search statement with the planner steered to the words' GIN indexes. The planner does not count the cost of
 * reading a document vector from TOAST: for a common word it would rather scan every note sequentially and detoast
 * each (a second and more at 100,000 notes) than use the index, whose bitmap needs no recheck and reads only the
 * narrow rows; and it would walk a btree in date order, detoasting as it goes, where a bitmap reads only the matches.
 * No parallel workers: starting them costs some 20 ms, more than the statement's own work, and the counting and the
 * ranking already run at once. No JIT: a plan that keeps a disabled scan is costed above its threshold, and compiling
 * takes longer than running.
 */
function tuned<T>(db: Db, words: boolean, run: (tx: Db) => Promise<T>): Promise<T> {
	if (!words) return run(db);
	return db.transaction(async (tx) => {
		await tx.execute(
			sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
				set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true),
				set_config('work_mem', ${WORK_MEM}, true)`
		);
		return run(tx);
	});
}

/** The time of the newest twentieth of the notes, from the planner's statistics (null before the first ANALYZE). */
async function recentSince(db: Db): Promise<string | null> {
	const [row] = await queryRows<{ since: string | null }>(
		db,
		sql`select (histogram_bounds::text::timestamptz[])[95]::text as since from pg_stats
			where schemaname = current_schema() and tablename = 'note_search' and attname = 'recent_at'`
	);
	return row?.since ?? null;
}
