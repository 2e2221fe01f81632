import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { decodeSearchCursor, encodeSearchCursor, MAX_OFFSET, type SearchCursor } from './cursor.ts';
import { cachedSearch, visibilityClass } from './result-cache.ts';
import { hasNoteFilter } from './filters.ts';
import { compareMicros, startNotePass, type NoteCounts, type NoteHit } from './note-pass.ts';
import { runOtherPasses, type OtherHit, type OtherPass } from './other-passes.ts';
import {
	SearchQuery as SearchQuerySchema,
	type ParsedSearchQuery,
	type SearchFacetsJson,
	type SearchItemJson,
	type SearchKind,
	type SearchPlace,
	type SearchQuery,
	type SearchResult,
	type SearchSuggestionJson
} from './schemas.ts';
import { similarNoteTitles, TYPO_SIMILARITY, type SimilarTitle } from './similar-titles.ts';
import { highlightTexts, noteItems, noteSnippet } from './snippets.ts';
import { kindPath } from './urls.ts';

/** Fewer full-text results than this and titles that look like the query (typos) are looked for too. */
const FEW_RESULTS = 3;
const DID_YOU_MEAN = 3;

type Hit = { kind: SearchKind; id: string; score: number; at: string; other?: OtherHit };

/**
 * Full-text search over the notes, notebooks, communities and people this viewer may see (DESIGN §6): the items, the
 * total and every facet count leave out whatever is hidden from them. Notes match in their own language (French and
 * English stemming, accents and case aside), with web search syntax; a title with a typo is found by its likeness
 * when the words find little. Answers may come from the result cache (result-cache.ts), which every write empties.
 * Anyone may call it; throws ValidationError for a query or cursor that does not parse.
 */
export async function searchCommons(db: Db, viewer: Viewer, query: SearchQuery, place: SearchPlace = {}): Promise<SearchResult> {
	const parsed = SearchQuerySchema.parse(query);
	// Without words there is no relevance to speak of: a browse by filters is newest first.
	const q: ParsedSearchQuery = parsed.q ? parsed : { ...parsed, sort: 'recent' };
	const cursor = decodeSearchCursor(q.cursor, q.sort);
	return cachedSearch(JSON.stringify([q, place, visibilityClass(viewer)]), () => runSearch(db, viewer, q, cursor, place));
}

async function runSearch(db: Db, viewer: Viewer, q: ParsedSearchQuery, cursor: SearchCursor, place: SearchPlace): Promise<SearchResult> {
	const offset = cursor.kind === 'offset' ? cursor.offset : 0;
	const take = q.sort === 'relevance' ? offset + q.limit + 1 : q.limit + 1;
	const after = cursor.kind === 'after' ? { at: cursor.at, key: cursor.key } : null;
	const kinds = kindsOf(q);

	const others: Promise<OtherPass> = kinds.some((k) => k !== 'note')
		? runOtherPasses(
				db,
				viewer,
				q.q,
				kinds.filter((k): k is OtherHit['kind'] => k !== 'note'),
				{ sort: q.sort, take, after }
			)
		: Promise.resolve({ hits: [], total: 0, totals: {} });
	const window = q.sort === 'relevance' ? ({ sort: 'relevance', take } as const) : ({ sort: 'recent', take, after } as const);
	const start = (extra?: SimilarTitle[]) =>
		kinds.includes('note')
			? startNotePass(db, viewer, q, window, extra)
			: { hits: Promise.resolve([]), counts: Promise.resolve(NO_COUNTS) };
	let pass = start();
	const other = await others;
	// The page is shown from the ranked matches while the counting of every match goes on.
	let page = paginate(mergeHits(await pass.hits, other, q.sort), q, offset);
	let items = presentItems(db, page.hits, q.q, place);
	items.catch(() => undefined); // awaited below; not an unhandled rejection if the counting fails first
	let counts = await pass.counts;

	// Typos: when the words find (almost) nothing, titles that look like what was typed. The close ones join the
	// results, counted in the total and the facets like any other; the rest are offered as "did you mean".
	let similar: SimilarTitle[] = [];
	// Not when the query uses the syntax (a phrase, an exclusion, OR): its author meant those words, and a lookalike
	// title could be the very thing they excluded.
	if (q.q && !usesSyntax(q.q) && kinds.includes('note') && counts.total + other.total < FEW_RESULTS) {
		similar = await similarNoteTitles(db, viewer, q);
		const close = similar.filter((s) => s.similarity >= TYPO_SIMILARITY);
		if (close.length) {
			await items;
			pass = start(close);
			page = paginate(mergeHits(await pass.hits, other, q.sort), q, offset);
			items = presentItems(db, page.hits, q.q, place);
			counts = await pass.counts;
		}
	}

	const total = counts.total + other.total;
	const shown = new Set((await pass.hits).map((h) => h.id));
	const didYouMean: SearchSuggestionJson[] =
		total < FEW_RESULTS
			? similar
					.filter((s) => !shown.has(s.id))
					.slice(0, DID_YOU_MEAN)
					.map((s) => ({ id: s.id, kind: 'note', title: s.title, url: urlOf(place, 'note', s.id) }))
			: [];
	return { items: await items, facets: facetsOf(counts, other), total, nextCursor: page.nextCursor, didYouMean };
}

const NO_COUNTS: NoteCounts = { total: 0, facets: [] };

const usesSyntax = (text: string) => /"|(^|\s)-\S|\sOR\s/.test(text);

/** This page's hits of the merged order, and the cursor of the next page. */
function paginate(merged: Hit[], q: ParsedSearchQuery, offset: number): { hits: Hit[]; nextCursor: string | null } {
	const hits = q.sort === 'relevance' ? merged.slice(offset, offset + q.limit) : merged.slice(0, q.limit);
	const more = q.sort === 'relevance' ? merged.length > offset + q.limit && offset + q.limit < MAX_OFFSET : merged.length > q.limit;
	const last = hits.at(-1);
	const nextCursor =
		more && last
			? encodeSearchCursor(
					q.sort === 'relevance'
						? { kind: 'offset', offset: offset + q.limit }
						: { kind: 'after', at: last.at, key: `${last.kind}:${last.id}` }
				)
			: null;
	return { hits, nextCursor };
}

/** Which kinds a query asks for: one, or all; a filter only notes have keeps notes only. */
function kindsOf(q: ParsedSearchQuery): SearchKind[] {
	if (hasNoteFilter(q)) return q.kind === undefined || q.kind === 'note' ? ['note'] : [];
	return q.kind ? [q.kind] : ['note', 'notebook', 'community', 'person', 'message'];
}

/** One order over every kind: by score (relevance) or by time then kind and id (recent), as the cursors expect. */
function mergeHits(notes: NoteHit[], other: OtherPass, sort: 'relevance' | 'recent'): Hit[] {
	const hits: Hit[] = [
		...notes.map((h) => ({ kind: 'note' as const, id: h.id, score: h.score, at: h.at })),
		...other.hits.map((h) => ({ kind: h.kind, id: h.id, score: h.score, at: h.at, other: h }))
	];
	const key = (h: Hit) => `${h.kind}:${h.id}`;
	if (sort === 'relevance') return hits.sort((a, b) => b.score - a.score || (key(a) < key(b) ? -1 : 1));
	return hits.sort((a, b) => compareMicros(b.at, a.at) || (key(a) < key(b) ? 1 : -1));
}

async function presentItems(db: Db, hits: Hit[], text: string, place: SearchPlace): Promise<SearchItemJson[]> {
	const noteIds = hits.filter((h) => h.kind === 'note').map((h) => h.id);
	const otherHits = hits.filter((h) => h.other).map((h) => h.other!);
	const [noteRows, otherSnippets] = await Promise.all([
		noteItems(db, noteIds, text),
		highlightTexts(
			db,
			otherHits.map((h) => h.text),
			text
		)
	]);
	const snippetOf = new Map(otherHits.map((h, i) => [`${h.kind}:${h.id}`, otherSnippets[i]]));
	return hits.flatMap((h): SearchItemJson[] => {
		if (h.kind === 'note') {
			const row = noteRows.get(h.id);
			// A note deleted between the two statements is left out rather than shown without its text.
			if (!row) return [];
			return [{ id: h.id, kind: 'note', type: row.type, title: row.title, snippet: noteSnippet(row), url: urlOf(place, 'note', h.id) }];
		}
		return [
			{
				id: h.id,
				kind: h.kind,
				type: null,
				title: h.other!.title,
				snippet: snippetOf.get(`${h.kind}:${h.id}`) ?? '',
				url: urlOf(place, h.kind, h.id)
			}
		];
	});
}

const urlOf = (place: SearchPlace, kind: SearchKind, id: string) => `${place.publicUrl ?? ''}/${place.lang ?? 'fr'}${kindPath(kind, id)}`;

function facetsOf({ facets: rows, total: noteTotal }: NoteCounts, other: OtherPass): SearchFacetsJson {
	const plain = (facet: string) => rows.filter((r) => r.facet === facet).map((r) => ({ value: r.value, count: r.count }));
	const labelled = (facet: string) =>
		rows.filter((r) => r.facet === facet).map((r) => ({ value: r.value, label: r.label ?? r.value, count: r.count }));
	const byCount = <T extends { count: number; value: string }>(list: T[]) =>
		list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
	return {
		kind: [{ value: 'note', count: noteTotal }, ...kindCounts(other)].filter((k) => k.count > 0),
		type: byCount(plain('type')),
		language: byCount(plain('language')),
		licence: byCount(plain('licence')),
		notebook: labelled('notebook'),
		community: labelled('community'),
		author: labelled('author'),
		year: plain('year').sort((a, b) => Number(b.value) - Number(a.value))
	};
}

function kindCounts(other: OtherPass) {
	return (['notebook', 'community', 'person', 'message'] as const).map((kind) => ({ value: kind, count: other.totals[kind] ?? 0 }));
}
