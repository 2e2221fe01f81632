import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import { canViewKnowledgeBase } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, findCommunityBySlug, joinCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { createNotebook, CreateNotebookInput, includeNote } from '../notebooks/index.ts';
import { createNote, CreateNoteInput, deleteNote, setNoteStatus } from '../notes/index.ts';
import {
	addKnowledgeBaseNotebook,
	createKnowledgeBase,
	CreateKnowledgeBaseInput,
	findKnowledgeBaseWithFacts,
	getKnowledgeBase,
	listKnowledgeBases,
	ListKnowledgeBasesQuery,
	listKnowledgeBasesPage,
	removeKnowledgeBaseNotebook,
	searchKnowledgeBase,
	SearchKnowledgeBaseQuery,
	visibleKnowledgeBaseFilter
} from './index.ts';

const t = useTestContext();
const tag = () => Math.random().toString(36).slice(2, 8);
const kbInput = (over: Record<string, unknown> = {}) => CreateKnowledgeBaseInput.parse({ title: 'Savoirs', ...over });
const search = (over: Record<string, unknown> = {}) => SearchKnowledgeBaseQuery.parse(over);

async function publishedNote(viewer: Viewer, over: Record<string, unknown> = {}) {
	const { id } = await createNote(t.ctx.db, viewer, CreateNoteInput.parse({ title: 'Note', ...over }));
	await setNoteStatus(t.ctx.db, viewer, id, 'published');
	return id;
}

async function community() {
	const slug = `savoirs-${tag()}`;
	const host = await makeAccount(t.ctx);
	const member = await makeAccount(t.ctx);
	await createCommunity(t.ctx.db, await host.viewer(), { slug, name: 'Savoirs', description: '', visibility: 'public' });
	await joinCommunity(t.ctx, await member.viewer(), slug);
	return { id: (await findCommunityBySlug(t.ctx.db, slug))!.id, host, member };
}

describe('knowledge base visibility', () => {
	it('agrees with canViewKnowledgeBase for every viewer and visibility', async () => {
		const c = await community();
		const stranger = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		const hostV = await c.host.viewer();
		const ids: string[] = [];
		for (const visibility of ['public', 'community', 'private'] as const) {
			ids.push((await createKnowledgeBase(t.ctx.db, hostV, kbInput({ visibility, communityId: c.id }))).id);
		}
		const { id: deleted } = await createKnowledgeBase(t.ctx.db, hostV, kbInput());
		await t.ctx.db.update(schema.knowledgeBase).set({ deletedAt: new Date() }).where(eq(schema.knowledgeBase.id, deleted));
		ids.push(deleted);
		for (const viewer of [anonymous, await stranger.viewer(), await c.member.viewer(), hostV, await admin.viewer()]) {
			const rows = await t.ctx.db
				.select({ id: schema.knowledgeBase.id })
				.from(schema.knowledgeBase)
				.where(sql`${schema.knowledgeBase.id} in ${ids} and ${visibleKnowledgeBaseFilter(viewer)}`);
			const bySql = new Set(rows.map((r) => r.id));
			for (const id of ids) {
				const { facts } = (await findKnowledgeBaseWithFacts(t.ctx.db, id))!;
				expect(bySql.has(id), `${viewer.kind} ${id}`).toBe(canViewKnowledgeBase(viewer, facts));
			}
		}
		await expect(getKnowledgeBase(t.ctx.db, await stranger.viewer(), ids[1])).rejects.toThrow(NotFoundError);
		expect((await getKnowledgeBase(t.ctx.db, await c.member.viewer(), ids[1])).knowledgeBase.id).toBe(ids[1]);
		await expect(getKnowledgeBase(t.ctx.db, await c.member.viewer(), ids[2])).rejects.toThrow(NotFoundError);
		await expect(getKnowledgeBase(t.ctx.db, anonymous, deleted)).rejects.toThrow(NotFoundError);
		const listed = (await listKnowledgeBases(t.ctx.db, await c.member.viewer())).map((k) => k.id);
		expect(listed).toContain(ids[0]);
		expect(listed).toContain(ids[1]);
		expect(listed).not.toContain(ids[2]);
		expect((await listKnowledgeBases(t.ctx.db, hostV, { managerId: c.host.id })).map((k) => k.id).sort()).toEqual(ids.slice(0, 3).sort());
	});
});

describe('a knowledge base of notebooks', () => {
	it('shows only the notebooks and notes each viewer may see, in lists, counts and search', async () => {
		const c = await community();
		const host = await c.host.viewer();
		const member = await c.member.viewer();
		const { id: open } = await createNotebook(t.ctx.db, host, CreateNotebookInput.parse({ title: 'Ouvert', communityId: c.id }));
		const { id: shared } = await createNotebook(
			t.ctx.db,
			host,
			CreateNotebookInput.parse({ title: 'Partagé', visibility: 'community', communityId: c.id })
		);
		const { id: secret } = await createNotebook(t.ctx.db, host, CreateNotebookInput.parse({ title: 'Secret', visibility: 'private' }));
		const publicNote = await publishedNote(host, { title: 'Économie sociale', summary: 'Coopératives' });
		const communityNote = await publishedNote(host, { title: 'Économie du quartier', visibility: 'community', communityId: c.id });
		const { id: draft } = await createNote(t.ctx.db, host, CreateNoteInput.parse({ title: 'Économie en brouillon' }));
		const inSecret = await publishedNote(host, { title: 'Économie cachée' });
		const gone = await publishedNote(host, { title: 'Économie effacée' });
		for (const noteId of [publicNote, communityNote, draft, gone]) await includeNote(t.ctx.db, host, open, { noteId, categoryIds: [] });
		await includeNote(t.ctx.db, host, shared, { noteId: publicNote, categoryIds: [] });
		await includeNote(t.ctx.db, host, secret, { noteId: inSecret, categoryIds: [] });
		await deleteNote(t.ctx.db, host, gone);

		const { id: kb } = await createKnowledgeBase(t.ctx.db, host, kbInput({ description: 'Pour nos bailleurs' }));
		for (const nb of [open, shared, secret]) await addKnowledgeBaseNotebook(t.ctx.db, host, kb, nb);
		await expect(addKnowledgeBaseNotebook(t.ctx.db, host, kb, open)).rejects.toThrow(ConflictError);

		const asAnon = await getKnowledgeBase(t.ctx.db, anonymous, kb);
		expect(asAnon.notebooks.map((n) => [n.title, n.noteCount])).toEqual([['Ouvert', 1]]);
		expect(asAnon.noteCount).toBe(1);
		expect(asAnon.canManage).toBe(false);
		const asMember = await getKnowledgeBase(t.ctx.db, member, kb);
		expect(asMember.notebooks.map((n) => [n.title, n.noteCount])).toEqual([
			['Ouvert', 2],
			['Partagé', 1]
		]);
		expect(asMember.noteCount).toBe(2);
		const asHost = await getKnowledgeBase(t.ctx.db, host, kb);
		expect(asHost.notebooks.map((n) => [n.title, n.noteCount])).toEqual([
			['Ouvert', 3],
			['Partagé', 1],
			['Secret', 1]
		]);
		expect(asHost.noteCount).toBe(4);
		expect(asHost.canManage).toBe(true);

		const titles = async (viewer: Viewer, q?: string) =>
			(await searchKnowledgeBase(t.ctx.db, viewer, kb, search({ q }))).items.map((n) => n.title);
		expect(await titles(anonymous, 'economie')).toEqual(['Économie sociale']);
		expect(await titles(member, 'economie')).toEqual(['Économie du quartier', 'Économie sociale']);
		expect(await titles(host, 'economie')).toEqual([
			'Économie cachée',
			'Économie du quartier',
			'Économie en brouillon',
			'Économie sociale'
		]);
		expect(await titles(anonymous, 'coopérat')).toEqual(['Économie sociale']);
		// The note held by two notebooks appears once, with only the notebooks this viewer may see.
		const [social] = (await searchKnowledgeBase(t.ctx.db, anonymous, kb, search({ q: 'sociale' }))).items;
		expect(social.notebooks.map((n) => n.title)).toEqual(['Ouvert']);
		const [socialForMember] = (await searchKnowledgeBase(t.ctx.db, member, kb, search({ q: 'sociale' }))).items;
		expect(socialForMember.notebooks.map((n) => n.title)).toEqual(['Ouvert', 'Partagé']);

		// Pages: a cursor continues where the last page stopped.
		const first = await searchKnowledgeBase(t.ctx.db, host, kb, search({ limit: 3 }));
		expect(first.items).toHaveLength(3);
		const second = await searchKnowledgeBase(t.ctx.db, host, kb, search({ limit: 3, cursor: first.next }));
		expect(second.items.map((n) => n.title)).toEqual(['Économie sociale']);
		expect(second.next).toBeNull();

		// Listing by notebook shows the knowledge bases that include it.
		expect((await listKnowledgeBases(t.ctx.db, anonymous, { notebookId: open })).map((k) => k.id)).toEqual([kb]);

		await removeKnowledgeBaseNotebook(t.ctx.db, host, kb, shared);
		expect((await getKnowledgeBase(t.ctx.db, member, kb)).notebooks.map((n) => n.title)).toEqual(['Ouvert']);
		await expect(removeKnowledgeBaseNotebook(t.ctx.db, host, kb, shared)).rejects.toThrow(NotFoundError);
	});

	it('lets only its managers add notebooks, and only notebooks they may see', async () => {
		const c = await community();
		const host = await c.host.viewer();
		const member = await c.member.viewer();
		await expect(createKnowledgeBase(t.ctx.db, anonymous, kbInput())).rejects.toThrow(UnauthorizedError);
		const { id: kb } = await createKnowledgeBase(t.ctx.db, member, kbInput({ visibility: 'community', communityId: c.id }));
		const { id: hostsPrivate } = await createNotebook(t.ctx.db, host, CreateNotebookInput.parse({ title: 'À moi', visibility: 'private' }));
		const { id: open } = await createNotebook(t.ctx.db, host, CreateNotebookInput.parse({ title: 'Ouvert' }));
		// The member manages the knowledge base but may not see the host's private notebook: as if it did not exist.
		await expect(addKnowledgeBaseNotebook(t.ctx.db, member, kb, hostsPrivate)).rejects.toThrow(NotFoundError);
		await expect(addKnowledgeBaseNotebook(t.ctx.db, member, kb, 'nope')).rejects.toThrow(NotFoundError);
		// The host sees the community knowledge base but does not manage it.
		await expect(addKnowledgeBaseNotebook(t.ctx.db, host, kb, open)).rejects.toThrow(ForbiddenError);
		await addKnowledgeBaseNotebook(t.ctx.db, member, kb, open);
		await expect(removeKnowledgeBaseNotebook(t.ctx.db, host, kb, open)).rejects.toThrow(ForbiddenError);
		// Strangers do not learn that it exists.
		const stranger = await (await makeAccount(t.ctx)).viewer();
		await expect(addKnowledgeBaseNotebook(t.ctx.db, stranger, kb, open)).rejects.toThrow(NotFoundError);
		await expect(searchKnowledgeBase(t.ctx.db, stranger, kb, search())).rejects.toThrow(NotFoundError);
	});
});

describe('the list of knowledge bases', () => {
	it('pages through those the viewer may see, counting only the notebooks the viewer may see', async () => {
		const c = await community();
		const host = await c.host.viewer();
		const member = await c.member.viewer();
		const t0 = `Liste ${tag()}`;
		const { id: open } = await createKnowledgeBase(t.ctx.db, host, kbInput({ title: `${t0} A` }));
		const { id: shared } = await createKnowledgeBase(
			t.ctx.db,
			host,
			kbInput({ title: `${t0} B`, visibility: 'community', communityId: c.id })
		);
		const { id: secret } = await createKnowledgeBase(t.ctx.db, host, kbInput({ title: `${t0} C`, visibility: 'private' }));
		const { id: publicNb } = await createNotebook(t.ctx.db, host, CreateNotebookInput.parse({ title: 'Public' }));
		const { id: privateNb } = await createNotebook(t.ctx.db, host, CreateNotebookInput.parse({ title: 'Privé', visibility: 'private' }));
		for (const nb of [publicNb, privateNb]) await addKnowledgeBaseNotebook(t.ctx.db, host, open, nb);

		// Pages of one, so the cursor is exercised; only this test's knowledge bases are kept.
		const all = async (viewer: Viewer) => {
			const seen: { id: string; notebookCount: number }[] = [];
			let cursor: string | undefined;
			do {
				const page = await listKnowledgeBasesPage(t.ctx.db, viewer, ListKnowledgeBasesQuery.parse({ limit: 1, cursor }));
				expect(page.items.length).toBeLessThanOrEqual(1);
				seen.push(...page.items);
				cursor = page.next ?? undefined;
			} while (cursor);
			return seen.filter((k) => [open, shared, secret].includes(k.id)).map((k) => [k.id, k.notebookCount]);
		};
		expect(await all(anonymous)).toEqual([[open, 1]]);
		expect(await all(member)).toEqual([
			[open, 1],
			[shared, 0]
		]);
		expect(await all(host)).toEqual([
			[open, 2],
			[shared, 0],
			[secret, 0]
		]);
	});
});
