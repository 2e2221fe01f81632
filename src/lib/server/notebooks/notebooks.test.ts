import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { canViewNotebook } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, findCommunityBySlug, joinCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { createNote, CreateNoteInput, setNoteStatus, deleteNote } from '../notes/index.ts';
import {
	addCategory,
	createNotebook,
	CreateNotebookInput,
	deleteCategory,
	findNotebookWithFacts,
	getNotebook,
	includeNote,
	listNotebookNotes,
	ListNotebookNotesQuery,
	listNotebooksOfNote,
	getNotebookGraph,
	moveNoteInNotebook,
	pinNote,
	removeNoteFromNotebook,
	visibleNotebookFilter
} from './index.ts';

const t = useTestContext();
const tag = () => Math.random().toString(36).slice(2, 8);
const notebookInput = (over: Record<string, unknown> = {}) => CreateNotebookInput.parse({ title: 'Carnet', ...over });
const noteInput = (over: Record<string, unknown> = {}) => CreateNoteInput.parse({ title: 'Note', ...over });

async function publishedNote(viewer: Viewer, over: Record<string, unknown> = {}) {
	const { id } = await createNote(t.ctx.db, viewer, noteInput(over));
	await setNoteStatus(t.ctx.db, viewer, id, 'published');
	return id;
}

async function community() {
	const slug = `carnets-${tag()}`;
	const host = await makeAccount(t.ctx);
	const member = await makeAccount(t.ctx);
	await createCommunity(t.ctx.db, await host.viewer(), { slug, name: 'Carnets', description: '', visibility: 'public' });
	await joinCommunity(t.ctx, await member.viewer(), slug);
	return { id: (await findCommunityBySlug(t.ctx.db, slug))!.id, host, member };
}

describe('notebook visibility', () => {
	it('agrees with canViewNotebook for every viewer and visibility', async () => {
		const c = await community();
		const stranger = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		const hostV = await c.host.viewer();
		const ids: string[] = [];
		for (const visibility of ['public', 'community', 'private'] as const) {
			ids.push((await createNotebook(t.ctx.db, hostV, notebookInput({ visibility, communityId: c.id }))).id);
		}
		const { id: deleted } = await createNotebook(t.ctx.db, hostV, notebookInput());
		await t.ctx.db.update(schema.notebook).set({ deletedAt: new Date() }).where(eq(schema.notebook.id, deleted));
		ids.push(deleted);
		for (const viewer of [anonymous, await stranger.viewer(), await c.member.viewer(), hostV, await admin.viewer()]) {
			const rows = await t.ctx.db
				.select({ id: schema.notebook.id })
				.from(schema.notebook)
				.where(sql`${schema.notebook.id} in ${ids} and ${visibleNotebookFilter(viewer)}`);
			const bySql = new Set(rows.map((r) => r.id));
			for (const id of ids) {
				const { facts } = (await findNotebookWithFacts(t.ctx.db, id))!;
				expect(bySql.has(id), `${viewer.kind} ${id}`).toBe(canViewNotebook(viewer, facts));
			}
		}
		// The member sees the community notebook, the stranger does not; nobody but its manager the private one.
		await expect(getNotebook(t.ctx.db, await stranger.viewer(), ids[1])).rejects.toThrow(NotFoundError);
		expect((await getNotebook(t.ctx.db, await c.member.viewer(), ids[1])).notebook.id).toBe(ids[1]);
		await expect(getNotebook(t.ctx.db, await c.member.viewer(), ids[2])).rejects.toThrow(NotFoundError);
	});
});

describe('curating a notebook', () => {
	it('includes notes in categories, counts only what each viewer may see, filters, sorts and pins', async () => {
		const c = await community();
		const host = await c.host.viewer();
		const { id: nb } = await createNotebook(t.ctx.db, host, notebookInput({ communityId: c.id, categoryLists: ['Atelier'] }));
		const { id: a4 } = await addCategory(t.ctx.db, host, nb, { list: 0, name: 'Atelier 4 - Valider' });
		const { id: a1 } = await addCategory(t.ctx.db, host, nb, { list: 0, name: 'Atelier 1 - Comprendre' });
		const zebra = await publishedNote(host, { title: 'Zèbre', language: 'fr' });
		const apple = await publishedNote(host, { title: 'Abeilles', language: 'en', licence: 'CC0-1.0' });
		const { id: draft } = await createNote(t.ctx.db, host, noteInput({ title: 'Brouillon' }));
		await includeNote(t.ctx.db, host, nb, { noteId: zebra, categoryIds: [a4] });
		await includeNote(t.ctx.db, host, nb, { noteId: apple, categoryIds: [] });
		await includeNote(t.ctx.db, host, nb, { noteId: draft, categoryIds: [a1] });
		await expect(includeNote(t.ctx.db, host, nb, { noteId: zebra, categoryIds: [] })).rejects.toThrow(ConflictError);
		await expect(includeNote(t.ctx.db, host, nb, { noteId: 'nope', categoryIds: [] })).rejects.toThrow(NotFoundError);
		await expect(addCategory(t.ctx.db, host, nb, { list: 2, name: 'x' })).rejects.toThrow(ValidationError);

		// Counts: the draft only for its author.
		expect((await getNotebook(t.ctx.db, host, nb)).noteCount).toBe(3);
		const asAnonymous = await getNotebook(t.ctx.db, anonymous, nb);
		expect(asAnonymous.noteCount).toBe(2);
		expect(asAnonymous.lists[0].categories.map((x) => [x.name, x.noteCount])).toEqual([
			['Atelier 4 - Valider', 1],
			['Atelier 1 - Comprendre', 0]
		]);

		const list = (viewer: Viewer, q: Record<string, unknown> = {}) =>
			listNotebookNotes(t.ctx.db, viewer, nb, ListNotebookNotesQuery.parse(q)).then((r) => r.items.map((n) => n.title));
		expect(await list(anonymous)).toEqual(['Zèbre', 'Abeilles']);
		expect(await list(anonymous, { sort: 'title' })).toEqual(['Abeilles', 'Zèbre']);
		expect(await list(anonymous, { category: a4 })).toEqual(['Zèbre']);
		expect(await list(anonymous, { category: 'none' })).toEqual(['Abeilles']);
		expect(await list(anonymous, { licence: 'CC0-1.0' })).toEqual(['Abeilles']);
		expect(await list(anonymous, { language: 'fr', q: 'zebre' })).toEqual(['Zèbre']);
		expect(await list(host, { category: a1 })).toEqual(['Brouillon']);
		const page1 = await listNotebookNotes(t.ctx.db, anonymous, nb, ListNotebookNotesQuery.parse({ limit: 1 }));
		const page2 = await listNotebookNotes(t.ctx.db, anonymous, nb, ListNotebookNotesQuery.parse({ limit: 1, cursor: page1.next }));
		expect([...page1.items, ...page2.items].map((n) => n.title)).toEqual(['Zèbre', 'Abeilles']);
		expect(page1.items[0]).toMatchObject({
			categories: [{ list: 0, id: a4, name: 'Atelier 4 - Valider' }],
			includedByName: expect.any(String)
		});

		await pinNote(t.ctx.db, host, nb, apple, true);
		expect(await list(anonymous)).toEqual(['Abeilles', 'Zèbre']);
		await pinNote(t.ctx.db, host, nb, apple, false);
		// The managers' order: moving within a category, or among the uncategorised.
		const other = await publishedNote(host, { title: 'Autre' });
		await includeNote(t.ctx.db, host, nb, { noteId: other, categoryIds: [] });
		expect(await list(anonymous, { category: 'none' })).toEqual(['Abeilles', 'Autre']);
		await moveNoteInNotebook(t.ctx.db, host, nb, other, 'up');
		expect(await list(anonymous, { category: 'none' })).toEqual(['Autre', 'Abeilles']);
		await expect(moveNoteInNotebook(t.ctx.db, await c.member.viewer(), nb, other, 'down')).rejects.toThrow(ForbiddenError);
		await removeNoteFromNotebook(t.ctx.db, host, nb, other);

		// Deleting a category keeps its notes, uncategorised.
		await deleteCategory(t.ctx.db, host, nb, a4);
		expect(await list(anonymous, { category: 'none' })).toEqual(['Zèbre', 'Abeilles']);
		// A deleted note leaves every list and count.
		await deleteNote(t.ctx.db, host, zebra);
		expect((await getNotebook(t.ctx.db, anonymous, nb)).noteCount).toBe(1);
	});

	it('lets contributors and community members add notes, and nobody else', async () => {
		const c = await community();
		const host = await c.host.viewer();
		const stranger = await makeAccount(t.ctx);
		const { id: nb } = await createNotebook(t.ctx.db, host, notebookInput({ communityId: c.id }));
		const memberNote = await publishedNote(await c.member.viewer());
		await includeNote(t.ctx.db, await c.member.viewer(), nb, { noteId: memberNote, categoryIds: [] });
		const strangerNote = await publishedNote(await stranger.viewer());
		await expect(includeNote(t.ctx.db, await stranger.viewer(), nb, { noteId: strangerNote, categoryIds: [] })).rejects.toThrow(
			ForbiddenError
		);
		await expect(addCategory(t.ctx.db, await c.member.viewer(), nb, { list: 0, name: 'x' })).rejects.toThrow(ForbiddenError);
		// A note the contributor may not see cannot be included by them.
		const { id: hostDraft } = await createNote(t.ctx.db, host, noteInput());
		await expect(includeNote(t.ctx.db, await c.member.viewer(), nb, { noteId: hostDraft, categoryIds: [] })).rejects.toThrow(NotFoundError);
		await removeNoteFromNotebook(t.ctx.db, await c.member.viewer(), nb, memberNote);
		expect((await getNotebook(t.ctx.db, host, nb)).noteCount).toBe(0);
	});

	it('tells a note page which notebooks include it, among those the viewer may see', async () => {
		const c = await community();
		const host = await c.host.viewer();
		const note = await publishedNote(host, { title: 'Partagée' });
		const { id: open } = await createNotebook(t.ctx.db, host, notebookInput({ title: 'Ouvert', categoryLists: ['Thème'] }));
		const { id: closed } = await createNotebook(t.ctx.db, host, notebookInput({ title: 'Privé', visibility: 'private' }));
		const { id: cat } = await addCategory(t.ctx.db, host, open, { list: 0, name: 'Valider' });
		await includeNote(t.ctx.db, host, open, { noteId: note, categoryIds: [cat] }, { includedAt: new Date('2024-05-27T16:10:00Z') });
		await includeNote(t.ctx.db, host, closed, { noteId: note, categoryIds: [] });
		const seen = await listNotebooksOfNote(t.ctx.db, anonymous, note);
		expect(seen).toEqual([
			expect.objectContaining({
				id: open,
				title: 'Ouvert',
				category: 'Valider',
				noteCount: 1,
				includedAt: new Date('2024-05-27T16:10:00Z')
			})
		]);
		expect((await listNotebooksOfNote(t.ctx.db, host, note)).map((n) => n.title)).toEqual(['Ouvert', 'Privé']);
	});
});

describe('the graph', () => {
	it('draws the notes the viewer may see and only the links between them', async () => {
		const c = await community();
		const host = await c.host.viewer();
		const a = await publishedNote(host, { title: `Graphe A ${tag()}` });
		const b = await publishedNote(host, { title: 'Graphe B', body: `Voir [[id:${a}|A]]` });
		const { id: hidden } = await createNote(t.ctx.db, host, noteInput({ title: 'Graphe caché', body: `Voir [[id:${a}|A]]` }));
		const { id: nb } = await createNotebook(t.ctx.db, host, notebookInput());
		for (const noteId of [a, b, hidden]) await includeNote(t.ctx.db, host, nb, { noteId, categoryIds: [] });
		const seen = await getNotebookGraph(t.ctx.db, anonymous, nb);
		expect(seen.nodes.map((n) => n.id).sort()).toEqual([a, b].sort());
		expect(seen.links).toEqual([{ source: b, target: a }]);
		const all = await getNotebookGraph(t.ctx.db, host, nb);
		expect(all.nodes).toHaveLength(3);
		expect(all.links).toHaveLength(2);
	});
});
