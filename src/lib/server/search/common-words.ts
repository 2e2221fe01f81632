import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/index.ts';
import { CONFIGS } from '../db/schema/search.ts';
import { startPeriodic } from '../periodic.ts';

/**
 * A word in at least this many notes has its counts kept (note_search_word_count, migration 0015). Counting costs
 * under a microsecond per match: below this, a search counts its matches in a few milliseconds; above, keeping the
 * counts saves more than the triggers spend on them.
 */
export const COMMON_WORD_NOTES = 5_000;

export type CommonWord = { config: (typeof CONFIGS)[number]; word: string };

/**
 * The words of `text` whose counts are kept: per configuration, the query as it parses it when that is one word (a
 * plain word, or several of which all but one are that language's stop words) and that word is kept. The caller makes
 * sure `text` is plain words (no phrase, exclusion or OR), so that the parse is that word alone.
 */
export async function keptWordsOf(db: Db, text: string): Promise<CommonWord[]> {
	return queryRows<CommonWord>(
		db,
		sql`select w.config, w.word from (values ('fr'), ('en'), ('simple')) as c(config)
			cross join lateral (select commonplace_search_parse(c.config, ${text}::text) as q) p
			join note_search_word w on w.config = c.config and numnode(p.q) = 1 and w.word = trim(both '''' from querytree(p.q))`
	);
}

export type CommonWordsProgress = (done: number, of: number) => void;

/**
 * Keeps the counts of the words the planner's statistics find in at least `minNotes` notes (ANALYZE samples the most
 * common lexemes of note_search.document, with their share of the rows), in every configuration: a stem common in
 * French costs nothing to keep in English, where it is rare. Each word is added in a transaction of its own, which
 * holds writers of the index back while its notes are counted (a few tens of milliseconds at 100,000 notes). Returns
 * how many words were added; none before the first ANALYZE.
 */
export async function keepCommonWords(
	db: Db,
	{ minNotes = COMMON_WORD_NOTES, progress }: { minNotes?: number; progress?: CommonWordsProgress } = {}
): Promise<number> {
	const missing = await queryRows<CommonWord>(
		db,
		sql`with e as (
			select x.word, x.freq * greatest(c.reltuples, 0) as notes
			from pg_stats s
			join pg_class c on c.relname = s.tablename and c.relnamespace = s.schemaname::regnamespace
			cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as x(word, freq)
			where s.schemaname = current_schema() and s.tablename = 'note_search' and s.attname = 'document'
		)
		select k.config, e.word from e cross join (values ('fr'), ('en'), ('simple')) as k(config)
		where e.notes >= ${minNotes} and e.word is not null and position(' ' in e.word) = 0
			and not exists (select 1 from note_search_word w where w.config = k.config and w.word = e.word)
		order by e.notes desc, e.word, k.config`
	);
	let added = 0;
	for (const [i, w] of missing.entries()) {
		if (await keepWord(db, w)) added++;
		progress?.(i + 1, missing.length);
	}
	return added;
}

/** Keeps the counts of one word (a lexeme of `config`), in a transaction of its own; false if they already were. */
export async function keepWord(db: Db, { config, word }: CommonWord): Promise<boolean> {
	const [row] = await db.transaction((tx) =>
		queryRows<{ added: boolean }>(tx, sql`select commonplace_search_word_add(${config}, ${word}) as added`)
	);
	return row?.added === true;
}

/** How often the statistics are read again for words that have become common. */
const KEEP_EVERY_MS = 60_000;

/**
 * Runs keepCommonWords now and every KEEP_EVERY_MS until stopped (an app process: PostgreSQL's autovacuum or the
 * embedded database's maintenance keeps the statistics it reads). Several processes sharing one database may all run
 * it: a word is added once. A failed pass is logged and the next one tries again.
 */
export const startKeepingCommonWords = (db: Db): (() => Promise<void>) =>
	startPeriodic('[search] keeping the common words', KEEP_EVERY_MS, async () => {
		const added = await keepCommonWords(db);
		if (added) console.log(`[search] counts of ${added} common words now kept`);
	});
