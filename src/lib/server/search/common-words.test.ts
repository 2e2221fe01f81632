// The kept counts of common words (migration 0015): after every kind of change they equal a count made from scratch,
// and a search that reads them answers, for every viewer, exactly what counting every match answers.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { newId } from '../../domain/ids.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, findCommunityBySlug, joinCommunity } from '../communities/index.ts';
import { queryRows, type Db } from '../db/index.ts';
import { createNotebook, CreateNotebookInput, includeNote, removeNoteFromNotebook } from '../notebooks/index.ts';
import {
	answerAuthorInvitation,
	createNote,
	CreateNoteInput,
	deleteNote,
	insertNotes,
	inviteCoAuthor,
	setNoteStatus,
	updateNote,
	UpdateNoteInput
} from '../notes/index.ts';
import { keepCommonWords, keptWordsOf, keepWord, type CommonWord } from './common-words.ts';
import { countNotes } from './note-counts.ts';
import { searchCommons, type SearchResult } from './index.ts';

const t = useTestContext();
type Account = Awaited<ReturnType<typeof makeAccount>>;

const input = (over: Record<string, unknown> = {}) => CreateNoteInput.parse({ title: 'Une note', body: 'Du texte', ...over });

/** The lexeme of `text` in each configuration, as the search parses it. */
const lexemesOf = (db: Db, text: string) =>
	queryRows<CommonWord>(
		db,
		sql`select c.config, trim(both '''' from querytree(commonplace_search_parse(c.config, ${text}::text))) as word
			from (values ('fr'), ('en'), ('simple')) as c(config)`
	);

/** The kept counts, and the same counted from scratch over the index: the simplest statement that can say it. */
async function expectCountsExact(db: Db) {
	const kept = await queryRows<{ key: string; n: number }>(
		db,
		sql`select concat_ws('|', config, word, kind, value) as key, n from note_search_word_count where n > 0 order by 1`
	);
	const recounted = await queryRows<{ key: string; n: number }>(
		db,
		sql`with m as (
			select s.*, w.word from note_search s
			join note_search_word w on w.config = s.config and w.word = any(tsvector_to_array(s.document))
			where s.reach = 0
		)
		select key, count(*)::int as n from (
			select concat_ws('|', config, word, 0, facets) as key from m
			union all select concat_ws('|', config, word, 1, a) from m, unnest(array_prepend(author_id, coalesce(other_author_ids, '{}'))) a where a is not null
			union all select concat_ws('|', config, word, 2, b) from m, unnest(array_prepend(notebook_id, coalesce(other_notebook_ids, '{}'))) b where b is not null
		) k group by key order by key`
	);
	expect(kept.map((r) => [r.key, Number(r.n)])).toEqual(recounted.map((r) => [r.key, Number(r.n)]));
	expect((await queryRows(db, sql`select 1 from note_search_word_queue union all select 1 from note_search_word_due`)).length).toBe(0);
}

/** The search, and the same search with nothing kept (every match counted): they must be the same answer. */
async function expectSameAsCounting(db: Db, viewers: Viewer[], q: string) {
	const words = await keptWordsOf(db, q);
	expect(words.length, `${q} is kept`).toBeGreaterThan(0);
	const withKept: SearchResult[] = [];
	for (const v of viewers) withKept.push(await searchCommons(db, v, { q, kind: 'note' }));
	await db.execute(sql`delete from note_search_word_count`);
	await db.execute(sql`delete from note_search_word`);
	try {
		for (const [i, v] of viewers.entries()) {
			const counted = await searchCommons(db, v, { q, kind: 'note' });
			expect(withKept[i].total, `${v.kind} total`).toBe(counted.total);
			expect(withKept[i].facets, `${v.kind} facets`).toEqual(counted.facets);
			expect(withKept[i].items, `${v.kind} items`).toEqual(counted.items);
		}
	} finally {
		for (const w of words) await keepWord(db, w);
	}
}

describe('kept counts of common words', () => {
	let author: Account;
	let coauthor: Account;
	let member: Account;
	let admin: Account;
	let viewers: Viewer[];
	let communityId: string;
	let publicNotebook: string;
	let privateNotebook: string;
	const n: Record<string, string> = {};
	const word = 'bergamote';

	async function publish(by: Account, over: Record<string, unknown>) {
		const v = await by.viewer();
		const { id, revisionId } = await createNote(t.ctx.db, v, input(over));
		await setNoteStatus(t.ctx.db, v, id, 'published');
		return { id, revisionId };
	}

	beforeAll(async () => {
		author = await makeAccount(t.ctx);
		coauthor = await makeAccount(t.ctx);
		member = await makeAccount(t.ctx);
		admin = await makeAccount(t.ctx, { admin: true });
		const v = await author.viewer();
		await createCommunity(t.ctx.db, v, { slug: 'vergers', name: 'Vergers', description: '', visibility: 'public' });
		await joinCommunity(t.ctx, await member.viewer(), 'vergers');
		communityId = (await findCommunityBySlug(t.ctx.db, 'vergers'))!.id;
		await createCommunity(t.ctx.db, v, { slug: 'cercle-discret', name: 'Cercle discret', description: '', visibility: 'secret' });
		const secretId = (await findCommunityBySlug(t.ctx.db, 'cercle-discret'))!.id;
		publicNotebook = (await createNotebook(t.ctx.db, v, CreateNotebookInput.parse({ title: 'Agrumes', visibility: 'public' }))).id;
		privateNotebook = (await createNotebook(t.ctx.db, v, CreateNotebookInput.parse({ title: 'Secret', visibility: 'private' }))).id;

		n.plain = (await publish(author, { title: 'Arbre', body: `La ${word} pousse en Calabre.`, licence: 'CC0-1.0' })).id;
		n.listed = (await publish(author, { title: 'Zeste', body: `Le zeste de ${word}.` })).id;
		n.english = (await publish(author, { title: 'Tea', body: 'Earl Grey tastes of bergamot.', language: 'en' })).id;
		n.community = (await publish(author, { title: 'Verger', body: `Nos ${word}s.`, communityId })).id;
		n.members = (await publish(author, { title: 'Réservé', body: `La ${word} des membres.`, visibility: 'community', communityId })).id;
		n.private = (await publish(author, { title: 'Carnet', body: `Ma ${word}.`, visibility: 'private' })).id;
		n.draft = (await createNote(t.ctx.db, v, input({ title: 'Brouillon', body: `Une ${word} à venir.` }))).id;
		n.other = (await publish(author, { title: 'Citron', body: 'Rien à voir.' })).id;
		// Public, in a secret community: counted ahead with its community, which only its members may see named.
		n.secret = (await publish(author, { title: 'Discrète', body: `Une ${word} discrète.`, communityId: secretId })).id;
		await includeNote(t.ctx.db, v, publicNotebook, { noteId: n.plain, categoryIds: [] });
		await includeNote(t.ctx.db, v, privateNotebook, { noteId: n.listed, categoryIds: [] });
		await includeNote(t.ctx.db, v, publicNotebook, { noteId: n.listed, categoryIds: [] });

		for (const w of [...(await lexemesOf(t.ctx.db, word)), ...(await lexemesOf(t.ctx.db, 'bergamot'))]) await keepWord(t.ctx.db, w);
		viewers = [anonymous, await author.viewer(), await member.viewer(), await coauthor.viewer(), await admin.viewer()];
	});

	it('counts a word’s public notes when it is kept, and a search reads them for every viewer', async () => {
		await expectCountsExact(t.ctx.db);
		// Kept counts are read from the database, no match counted: a signed-in reader's own notes are counted apart.
		const counts = await countNotes(t.ctx.db, anonymous, null, await keptWordsOf(t.ctx.db, word));
		expect(counts.total).toBe(5);
		await expectSameAsCounting(t.ctx.db, viewers, word);
		await expectSameAsCounting(t.ctx.db, viewers, 'bergamot');
		// Several words of which one is left after the stop words: still that one word.
		await expectSameAsCounting(t.ctx.db, viewers, `la ${word}`);
		const forMember = await searchCommons(t.ctx.db, await member.viewer(), { q: word, kind: 'note' });
		// The English note says "bergamot", which the English stem of « bergamote » finds.
		expect(forMember.items.map((i) => i.id).sort()).toEqual([n.plain, n.listed, n.english, n.community, n.members, n.secret].sort());
		// The private notebook is never named, though it holds a public note; nor the secret community, but to its members.
		expect(forMember.facets.notebook).toEqual([{ value: publicNotebook, label: 'Agrumes', count: 2 }]);
		expect(forMember.facets.community).toEqual([{ value: 'vergers', label: 'Vergers', count: 2 }]);
		const forAuthor = await searchCommons(t.ctx.db, await author.viewer(), { q: word, kind: 'note' });
		expect(forAuthor.facets.community.map((c) => c.value).sort()).toEqual(['cercle-discret', 'vergers']);
	});

	it('follow every change at commit: text, licence, visibility, notebooks, co-authors, deletion and a batch', async () => {
		const v = await author.viewer();
		const step = async (what: string, change: () => Promise<unknown>) => {
			await change();
			await expectCountsExact(t.ctx.db).catch((e: Error) => {
				throw new Error(`after ${what}: ${e.message}`);
			});
		};
		const rev = async (id: string) =>
			(await queryRows<{ id: string }>(t.ctx.db, sql`select current_revision_id as id from note where id = ${id}`))[0].id;
		const edit = (id: string, over: Record<string, unknown>) => async () =>
			updateNote(t.ctx.db, v, id, UpdateNoteInput.parse({ ...over, baseRevisionId: await rev(id) }));

		await step('an edit that drops the word', edit(n.plain, { body: 'Un arbre de Calabre.' }));
		await step('an edit that brings it back', edit(n.plain, { body: `La ${word} revient.` }));
		await step('an edit of other words', edit(n.plain, { body: `La ${word} revient, encore.` }));
		await step('a new licence and type', edit(n.listed, { licence: 'CC-BY-SA-4.0', type: 'term' }));
		await step('a new language', edit(n.english, { language: 'fr' }));
		await step('made private', edit(n.community, { visibility: 'private' }));
		await step('made public again', edit(n.community, { visibility: 'public' }));
		await step('a draft published', () => setNoteStatus(t.ctx.db, v, n.draft, 'published'));
		await step('unpublished', () => setNoteStatus(t.ctx.db, v, n.plain, 'draft'));
		await step('published again', () => setNoteStatus(t.ctx.db, v, n.plain, 'published'));
		await step('an inclusion', () => includeNote(t.ctx.db, v, privateNotebook, { noteId: n.plain, categoryIds: [] }));
		await step('a removal', () => removeNoteFromNotebook(t.ctx.db, v, publicNotebook, n.listed));
		await step('a co-author', async () => {
			await inviteCoAuthor(t.ctx.db, v, n.listed, coauthor.handle);
			await answerAuthorInvitation(t.ctx.db, await coauthor.viewer(), n.listed, true);
		});
		await step('a deletion', () => deleteNote(t.ctx.db, v, n.community));
		await step('a batch of notes in one transaction', () =>
			t.ctx.db.transaction((tx) =>
				insertNotes(
					tx,
					author.id,
					Array.from({ length: 12 }, (_, i) => {
						const fields: Partial<CreateNoteInput> = CreateNoteInput.parse({ title: `Lot ${i}`, body: `${word} ${i}` });
						delete fields.message;
						const now = new Date();
						return {
							id: newId(),
							fields: fields as Omit<CreateNoteInput, 'message'>,
							linkedIds: [],
							message: '',
							imported: { createdAt: now, updatedAt: now, publishedAt: now }
						};
					})
				)
			)
		);
		await step('a note removed from the database', () => t.ctx.db.execute(sql`delete from note where id = ${n.draft}`));
		await step('the index rebuilt', async () => {
			await t.ctx.db.execute(sql`truncate note_search`);
			await t.ctx.db.execute(sql`select commonplace_note_search_refresh(array(select id from note))`);
		});
		await expectSameAsCounting(t.ctx.db, viewers, word);
	});

	it('reads the changes of the transaction under way, before they are applied at commit', async () => {
		const kept = await keptWordsOf(t.ctx.db, word);
		const before = (await countNotes(t.ctx.db, anonymous, null, kept)).total;
		const [{ rev }] = await queryRows<{ rev: string }>(t.ctx.db, sql`select current_revision_id as rev from note where id = ${n.plain}`);
		const v = await author.viewer();
		await t.ctx.db
			.transaction(async (tx) => {
				await updateNote(tx, v, n.plain, UpdateNoteInput.parse({ body: 'Plus rien.', baseRevisionId: rev }));
				expect((await queryRows(tx, sql`select 1 from note_search_word_queue`)).length).toBeGreaterThan(0);
				expect((await countNotes(tx, anonymous, null, kept)).total).toBe(before - 1);
				throw new Error('rolled back');
			})
			.catch((e: Error) => expect(e.message).toBe('rolled back'));
		expect((await countNotes(t.ctx.db, anonymous, null, kept)).total).toBe(before);
		await expectCountsExact(t.ctx.db);
	});

	it('stay exact under concurrent writes and while a word is being kept', async () => {
		const v = await author.viewer();
		const notes = await Promise.all(
			Array.from({ length: 6 }, (_, i) => publish(author, { title: `Pomelo ${i}`, body: `Le pomelo et la ${word} ${i}.` }))
		);
		const pomelo = (await lexemesOf(t.ctx.db, 'pomelo')).filter((w) => w.config === 'fr');
		const results = await Promise.allSettled([
			...notes.map(({ id, revisionId }, i) =>
				updateNote(
					t.ctx.db,
					v,
					id,
					UpdateNoteInput.parse({ body: i % 2 ? 'Le pomelo seul.' : `La ${word} seule.`, baseRevisionId: revisionId })
				)
			),
			...pomelo.map((w) => keepWord(t.ctx.db, w)),
			publish(author, { title: 'Pomelo encore', body: `Pomelo et ${word}.` }),
			t.ctx.db.transaction(async (tx) => {
				await includeNote(tx, v, publicNotebook, { noteId: notes[0].id, categoryIds: [] });
				await includeNote(tx, v, publicNotebook, { noteId: notes[1].id, categoryIds: [] });
			})
		]);
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		await expectCountsExact(t.ctx.db);
		await expectSameAsCounting(t.ctx.db, viewers, 'pomelo');
	});

	it('keeps the words the statistics find in enough notes, once', async () => {
		await t.ctx.db.execute(sql`analyze note_search`);
		const notes = (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from note_search`))[0].n;
		let reported = 0;
		const added = await keepCommonWords(t.ctx.db, { minNotes: Math.ceil(notes / 3), progress: (done) => (reported = done) });
		expect(added).toBeGreaterThan(0);
		expect(reported).toBeGreaterThanOrEqual(added);
		const kept = await queryRows<{ word: string }>(t.ctx.db, sql`select word from note_search_word where config = 'fr'`);
		expect(kept.map((k) => k.word)).toContain((await lexemesOf(t.ctx.db, word)).find((w) => w.config === 'fr')!.word);
		await expectCountsExact(t.ctx.db);
		expect(await keepCommonWords(t.ctx.db, { minNotes: Math.ceil(notes / 3) })).toBe(0);
	});
});
