// Relevance of the search (issue 5): a corpus of French and English notes written through the app's own use cases,
// and queries with the notes a reader expects (relevance-corpus.ts, relevance-queries.ts). Prints each query with the rank of its expected
// notes, then the success at 5 (share of queries whose expected notes are all in the first five results) and the
// mean reciprocal rank, and holds both above the levels the engine reached when this suite was written.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { anonymous } from '../../domain/viewer.ts';
import { createNotebook, CreateNotebookInput, includeNote } from '../notebooks/index.ts';
import { createNote, CreateNoteInput, setNoteStatus } from '../notes/index.ts';
import { searchCommons, SEARCH_MAX_LIMIT, type SearchQuery } from './index.ts';
import { RELEVANCE_NOTEBOOKS, RELEVANCE_NOTES } from './relevance-corpus.ts';
import { RELEVANCE_QUERIES, type RelevanceQuery } from './relevance-queries.ts';

// The levels the suite holds: a change that lowers them is a regression of the search, not of the suite.
const MIN_SUCCESS_AT_5 = 0.95;
const MIN_MRR = 0.85;

const t = useTestContext();
const noteIds = new Map<string, string>();
const keyOfNote = new Map<string, string>();
const notebookIds = new Map<string, string>();

beforeAll(async () => {
	const author = await makeAccount(t.ctx, { handle: 'relevance-author' });
	const viewer = await author.viewer();
	for (const nb of RELEVANCE_NOTEBOOKS) {
		const { id } = await createNotebook(t.ctx.db, viewer, CreateNotebookInput.parse({ title: nb.title, description: nb.description }));
		notebookIds.set(nb.key, id);
	}
	for (const note of RELEVANCE_NOTES) {
		const { key, lang, hidden, notebooks, ...fields } = note;
		const input = CreateNoteInput.parse({ ...fields, language: lang, visibility: hidden ? 'private' : 'public' });
		const { id } = await createNote(t.ctx.db, viewer, input);
		if (!hidden) await setNoteStatus(t.ctx.db, viewer, id, 'published');
		for (const nb of notebooks ?? []) await includeNote(t.ctx.db, viewer, notebookIds.get(nb)!, { noteId: id, categoryIds: [] });
		noteIds.set(key, id);
		keyOfNote.set(id, key);
	}
}, 120_000);

type Outcome = { query: RelevanceQuery; rank: number; found: string[]; ahead: string[]; leaked: string[] };

async function run(query: RelevanceQuery): Promise<Outcome> {
	const { notebook, ...filters } = query.filters ?? {};
	const search: SearchQuery = { q: query.q, ...filters, limit: SEARCH_MAX_LIMIT };
	if (notebook) search.notebook = notebookIds.get(notebook);
	const result = await searchCommons(t.ctx.db, anonymous, search);
	// Ranked as the reader sees them: notebooks, communities and people that match take places too.
	const found = result.items.map((item) => (item.kind === 'note' ? (keyOfNote.get(item.id) ?? item.id) : `${item.kind}: ${item.title}`));
	// The rank: 1 + the results ranked above the last expected note that are not expected themselves, so two
	// expected notes in places 1 and 2 both rank first.
	const last = Math.max(...query.expect.map((key) => found.indexOf(key) + 1 || Infinity));
	const ahead = Number.isFinite(last) ? found.slice(0, last).filter((key) => !query.expect.includes(key)) : [];
	const rank = Number.isFinite(last) ? ahead.length + 1 : Infinity;
	return { query, rank, found, ahead, leaked: (query.absent ?? []).filter((key) => found.includes(key)) };
}

const describeQuery = (q: RelevanceQuery) =>
	`${q.q}${
		q.filters
			? ` [${Object.entries(q.filters)
					.map(([k, v]) => `${k}=${v}`)
					.join(', ')}]`
			: ''
	}`;

describe('search relevance', () => {
	it('has a corpus and queries of the size the issue asks for', () => {
		expect(RELEVANCE_NOTES.length).toBeGreaterThanOrEqual(150);
		expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(30);
		for (const lang of ['fr', 'en']) expect(RELEVANCE_NOTES.filter((n) => n.lang === lang).length).toBeGreaterThanOrEqual(40);
		for (const q of RELEVANCE_QUERIES)
			for (const key of [...q.expect, ...(q.absent ?? [])]) expect(noteIds.has(key), `${q.q}: ${key}`).toBe(true);
	});

	it('ranks the expected notes in the first five: success at 5 and mean reciprocal rank', async () => {
		const outcomes: Outcome[] = [];
		for (const query of RELEVANCE_QUERIES) outcomes.push(await run(query));

		const width = Math.max(...outcomes.map((o) => describeQuery(o.query).length));
		const lines = outcomes.map(({ query, rank, found, ahead, leaked }) => {
			const shown = Number.isFinite(rank) ? String(rank) : '—';
			const mark = rank <= 5 && !leaked.length ? ' ' : '✗';
			const miss = !Number.isFinite(rank)
				? `   first: ${found.slice(0, 3).join(', ') || '(nothing)'}`
				: ahead.length
					? `   after: ${ahead.slice(0, 3).join(', ')}${ahead.length > 3 ? '…' : ''}`
					: '';
			const leak = leaked.length ? `   must not appear: ${leaked.map((k) => `${k} (rank ${found.indexOf(k) + 1})`).join(', ')}` : '';
			return `${mark} ${shown.padStart(2)}  ${query.kind.padEnd(18)} ${describeQuery(query).padEnd(width)}${miss}${leak}`;
		});
		const successAt5 = outcomes.filter((o) => o.rank <= 5).length / outcomes.length;
		const mrr = outcomes.reduce((sum, o) => sum + (Number.isFinite(o.rank) ? 1 / o.rank : 0), 0) / outcomes.length;
		console.log(
			[
				`Search relevance (${process.env.TEST_DB_KIND}): ${RELEVANCE_NOTES.length} notes, ${outcomes.length} queries`,
				'  rank  kind               query',
				...lines,
				`success@5 ${successAt5.toFixed(3)} (at least ${MIN_SUCCESS_AT_5}), MRR ${mrr.toFixed(3)} (at least ${MIN_MRR})`
			].join('\n')
		);

		const missed = outcomes
			.filter((o) => o.rank > 5)
			.map((o) => `${describeQuery(o.query)} → rank ${Number.isFinite(o.rank) ? o.rank : 'none'}`);
		const leaks = outcomes.filter((o) => o.leaked.length).map((o) => `${describeQuery(o.query)} → ${o.leaked.join(', ')}`);
		expect(leaks, 'results that the query excludes, or that the reader may not see').toEqual([]);
		expect(successAt5, `success@5 below ${MIN_SUCCESS_AT_5}; missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(MIN_SUCCESS_AT_5);
		expect(mrr, `MRR below ${MIN_MRR}; missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(MIN_MRR);
	});
});
