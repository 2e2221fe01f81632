// A notebook's settings: editing it, its category lists, its cover and table of contents, and deleting it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { pngWithExif } from '../../../../tests/support/files.ts';
import {
	ForbiddenError,
	NotFoundError,
	PayloadTooLargeError,
	StaleVersionError,
	UnsupportedMediaError,
	ValidationError
} from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, findCommunityBySlug, joinCommunity } from '../communities/index.ts';
import { createNote, CreateNoteInput, setNoteStatus } from '../notes/index.ts';
import {
	addCategory,
	addCategoryList,
	COVER_MAX_BYTES,
	createNotebook,
	CreateNotebookInput,
	deleteNotebook,
	getNotebook,
	getNotebookSettings,
	includeNote,
	listNotebooks,
	listNotebooksOfNote,
	listNotebookNotes,
	ListNotebookNotesQuery,
	openNotebookCover,
	presentNotebook,
	removeCategoryList,
	removeNotebookCover,
	renameCategoryList,
	setNotebookCover,
	setNoteCategory,
	updateNotebook,
	UpdateNotebookInput
} from './index.ts';
import { findNotebookWithFacts } from './queries.ts';

const t = useTestContext();
const tag = () => Math.random().toString(36).slice(2, 8);
const notebookInput = (over: Record<string, unknown> = {}) => CreateNotebookInput.parse({ title: 'Carnet', ...over });
const patch = (over: Record<string, unknown>) => UpdateNotebookInput.parse(over);
/** The notebook's version now, whoever may see it: what an edit form opened now starts from. */
const versionOf = async (id: string) => (await findNotebookWithFacts(t.ctx.db, id))?.row.version ?? 'none';
/** An edit started from the notebook as it is now, as most edits are. */
const save = async (viewer: Viewer, id: string, over: Record<string, unknown>) =>
	updateNotebook(t.ctx.db, viewer, id, patch({ ...over, baseVersion: await versionOf(id) }));
const file = (bytes: BlobPart, name = 'cover.png', type = 'image/png') => new File([bytes], name, { type });
const coverDir = () => join(t.ctx.config.dataDir, 'files', 'covers');

async function publishedNote(viewer: Viewer, title = 'Note') {
	const { id } = await createNote(t.ctx.db, viewer, CreateNoteInput.parse({ title }));
	await setNoteStatus(t.ctx.db, viewer, id, 'published');
	return id;
}

async function setUp(over: Record<string, unknown> = {}) {
	const owner = await makeAccount(t.ctx);
	const reader = await makeAccount(t.ctx);
	const v = await owner.viewer();
	const { id } = await createNotebook(t.ctx.db, v, notebookInput(over));
	return { owner, v, reader: await reader.viewer(), id };
}

async function fieldsOf(p: Promise<unknown>) {
	const e = await p.catch((err) => err);
	expect(e).toHaveProperty('fields');
	return (e as ValidationError).fields;
}

describe('updateNotebook', () => {
	it('changes the fields sent and keeps the others; only managers may', async () => {
		const { v, reader, id } = await setUp({ description: 'Avant', guide: 'Guide' });
		await save(v, id, { title: 'Nouveau titre', visibility: 'private' });
		const { notebook } = await getNotebook(t.ctx.db, v, id);
		expect(notebook).toMatchObject({ title: 'Nouveau titre', visibility: 'private', description: 'Avant', guide: 'Guide' });
		// Private now: the reader does not even learn it exists; on a public one, they see it but may not change it.
		await expect(save(reader, id, { title: 'x' })).rejects.toThrow(NotFoundError);
		await save(v, id, { visibility: 'public' });
		await expect(save(reader, id, { title: 'x' })).rejects.toThrow(ForbiddenError);
		await expect(save(anonymous, id, { title: 'x' })).rejects.toThrow(ForbiddenError);
		expect(() => patch({ title: ' ', baseVersion: '1' })).toThrow();
	});

	it('refuses an edit begun before the notebook changed, writing none of it, and takes it from the new version', async () => {
		const { v, id } = await setUp({ description: 'Avant' });
		const opened = await versionOf(id);
		await save(v, id, { title: 'Titre de la première' });
		const now = await versionOf(id);
		expect(now).not.toBe(opened);
		const late = await updateNotebook(
			t.ctx.db,
			v,
			id,
			patch({ description: 'Après', categoryLists: ['Thèmes'], baseVersion: opened })
		).catch((e: unknown) => e);
		expect(late).toBeInstanceOf(StaleVersionError);
		expect([(late as StaleVersionError).fields, (late as StaleVersionError).currentVersion]).toEqual([
			{ _: ['notebook_edit_conflict'] },
			now
		]);
		let { notebook, lists } = await getNotebook(t.ctx.db, v, id);
		expect([notebook.title, notebook.description, lists.map((l) => l.name)]).toEqual(['Titre de la première', 'Avant', ['']]);

		// A list renamed elsewhere on the settings page is a change too (so is a new cover: cover.ts moves the version).
		await renameCategoryList(t.ctx.db, v, id, 0, 'Sujets');
		await expect(updateNotebook(t.ctx.db, v, id, patch({ description: 'Après', baseVersion: now }))).rejects.toBeInstanceOf(
			StaleVersionError
		);
		await updateNotebook(t.ctx.db, v, id, patch({ description: 'Après', baseVersion: await versionOf(id) }));
		({ notebook, lists } = await getNotebook(t.ctx.db, v, id));
		expect([notebook.title, notebook.description, lists.map((l) => l.name)]).toEqual(['Titre de la première', 'Après', ['Sujets']]);
		expect(UpdateNotebookInput.safeParse({ title: 'Sans version' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['baseVersion', 'base_version_missing']
		]);
	});

	it('lets one of several saves begun from the same version through when they run at once', async () => {
		const { v, id } = await setUp();
		const opened = await versionOf(id);
		const titles = ['Premier en même temps', 'Deuxième en même temps', 'Troisième en même temps'];
		const outcomes = await Promise.allSettled(
			titles.map((title) => updateNotebook(t.ctx.db, v, id, patch({ title, guide: `Guide de ${title}`, baseVersion: opened })))
		);
		const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [titles[i]] : []));
		expect(won).toHaveLength(1);
		for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(StaleVersionError);
		const { notebook } = await getNotebook(t.ctx.db, v, id);
		expect([notebook.title, notebook.guide]).toEqual([won[0], `Guide de ${won[0]}`]);
	});

	it('links a community only for its members, and a community notebook needs one', async () => {
		const { owner, v, id } = await setUp();
		const slug = `settings-${tag()}`;
		const host = await makeAccount(t.ctx);
		await createCommunity(t.ctx.db, await host.viewer(), { slug, name: 'Réglages', description: '', visibility: 'public' });
		const community = (await findCommunityBySlug(t.ctx.db, slug))!.id;
		expect(await fieldsOf(save(v, id, { visibility: 'community' }))).toEqual({
			communityId: ['community_required']
		});
		expect(await fieldsOf(save(v, id, { communityId: community }))).toEqual({
			communityId: ['community_not_member']
		});
		await joinCommunity(t.ctx, v, slug);
		const joined = await owner.viewer();
		await save(joined, id, { visibility: 'community', communityId: community });
		expect((await getNotebook(t.ctx.db, joined, id)).community?.slug).toBe(slug);
	});

	it('renames lists by position and deletes those past the end, with their categories', async () => {
		const { v, id } = await setUp({ categoryLists: ['Thème', 'Région'] });
		const note = await publishedNote(v);
		const { id: theme } = await addCategory(t.ctx.db, v, id, { list: 0, name: 'Gouvernance' });
		const { id: region } = await addCategory(t.ctx.db, v, id, { list: 1, name: 'Montréal' });
		await includeNote(t.ctx.db, v, id, { noteId: note, categoryIds: [theme, region] });
		await save(v, id, { categoryLists: ['Thèmes'] });
		const view = await getNotebook(t.ctx.db, v, id);
		expect(view.lists.map((l) => [l.name, l.categories.map((c) => c.name)])).toEqual([['Thèmes', ['Gouvernance']]]);
		const [item] = (await listNotebookNotes(t.ctx.db, v, id, ListNotebookNotesQuery.parse({}))).items;
		expect(item.categories.map((c) => c.name)).toEqual(['Gouvernance']);
		// The first list exists even unnamed: unnaming it keeps its categories.
		await save(v, id, { categoryLists: [] });
		expect((await getNotebook(t.ctx.db, v, id)).lists[0].categories.map((c) => c.name)).toEqual(['Gouvernance']);
		expect(() => patch({ categoryLists: ['a', 'b', 'c', 'd'], baseVersion: '1' })).toThrow();
	});

	it('takes as table of contents only a note of the notebook the manager may see', async () => {
		const { v, reader, id } = await setUp();
		const toc = await publishedNote(v, 'Table des matières');
		const outside = await publishedNote(v, 'Ailleurs');
		const { id: othersDraft } = await createNote(t.ctx.db, reader, CreateNoteInput.parse({ title: 'Brouillon' }));
		await includeNote(t.ctx.db, v, id, { noteId: toc, categoryIds: [] });
		const code = { tocNoteId: ['toc_note_not_in_notebook'] };
		expect(await fieldsOf(save(v, id, { tocNoteId: outside }))).toEqual(code);
		expect(await fieldsOf(save(v, id, { tocNoteId: othersDraft }))).toEqual(code);
		await save(v, id, { tocNoteId: toc });
		expect((await getNotebook(t.ctx.db, anonymous, id)).toc).toEqual({ id: toc, title: 'Table des matières' });
		expect((await getNotebookSettings(t.ctx.db, v, id)).tocCandidates.map((n) => n.id)).toEqual([toc]);

		// Unpublished, it is not shown to readers, nor is its id.
		await setNoteStatus(t.ctx.db, v, toc, 'draft');
		const seen = await getNotebook(t.ctx.db, anonymous, id);
		expect(seen.toc).toBeNull();
		expect(seen.notebook.tocNoteId).toBeNull();
		expect(presentNotebook(seen, { publicUrl: 'https://x.example', lang: 'fr' }).tocNoteId).toBeNull();
		expect((await getNotebook(t.ctx.db, v, id)).toc?.id).toBe(toc);
		await save(v, id, { tocNoteId: null });
		expect((await getNotebook(t.ctx.db, v, id)).toc).toBeNull();
	});
});

describe('category lists', () => {
	it('adds, renames and removes lists; a removed list takes its categories, later lists move down', async () => {
		const { v, reader, id } = await setUp({ categoryLists: ['Thème'] });
		expect(await addCategoryList(t.ctx.db, v, id, 'Région')).toEqual({ list: 1 });
		await addCategoryList(t.ctx.db, v, id, 'Année');
		expect(await fieldsOf(addCategoryList(t.ctx.db, v, id, 'Trop'))).toEqual({ name: ['category_lists_too_many'] });
		const note = await publishedNote(v);
		const { id: theme } = await addCategory(t.ctx.db, v, id, { list: 0, name: 'Gouvernance' });
		await addCategory(t.ctx.db, v, id, { list: 1, name: 'Montréal' });
		const { id: year } = await addCategory(t.ctx.db, v, id, { list: 2, name: '2024' });
		await includeNote(t.ctx.db, v, id, { noteId: note, categoryIds: [theme, year] });

		await renameCategoryList(t.ctx.db, v, id, 1, 'Régions');
		await removeCategoryList(t.ctx.db, v, id, 1);
		const view = await getNotebook(t.ctx.db, v, id);
		expect(view.lists.map((l) => [l.list, l.name, l.categories.map((c) => c.name)])).toEqual([
			[0, 'Thème', ['Gouvernance']],
			[1, 'Année', ['2024']]
		]);
		// The note keeps its place in the list that moved, and can still get a category there.
		const categoriesOfNote = async () =>
			(await listNotebookNotes(t.ctx.db, v, id, ListNotebookNotesQuery.parse({}))).items[0].categories.map((c) => [c.list, c.name]);
		expect(await categoriesOfNote()).toEqual([
			[0, 'Gouvernance'],
			[1, '2024']
		]);
		const { id: y2025 } = await addCategory(t.ctx.db, v, id, { list: 1, name: '2025' });
		await setNoteCategory(t.ctx.db, v, id, note, 1, y2025);
		expect(await categoriesOfNote()).toEqual([
			[0, 'Gouvernance'],
			[1, '2025']
		]);

		expect(await fieldsOf(removeCategoryList(t.ctx.db, v, id, 2))).toEqual({ list: ['category_list_unknown'] });
		expect(await fieldsOf(renameCategoryList(t.ctx.db, v, id, 2, 'x'))).toEqual({ list: ['category_list_unknown'] });
		await expect(addCategoryList(t.ctx.db, reader, id, 'x')).rejects.toThrow(ForbiddenError);
	});

	it('names the first list of a notebook that has none', async () => {
		const { v, id } = await setUp();
		await addCategory(t.ctx.db, v, id, { list: 0, name: 'Sans liste' });
		await renameCategoryList(t.ctx.db, v, id, 0, 'Thème');
		const view = await getNotebook(t.ctx.db, v, id);
		expect(view.notebook.categoryLists).toEqual(['Thème']);
		expect(view.lists[0].categories.map((c) => c.name)).toEqual(['Sans liste']);
	});
});

describe('the cover', () => {
	it('is stored as a WebP at most 1600 px wide without metadata, served to those who may see the notebook', async () => {
		const { v, reader, id } = await setUp({ visibility: 'private' });
		await expect(setNotebookCover(t.ctx, v, id, null, 'Rien')).rejects.toThrow(ValidationError);
		await setNotebookCover(t.ctx, v, id, file(await pngWithExif(2400, 800)), 'Un atelier');
		const view = await getNotebook(t.ctx.db, v, id);
		expect(view.coverUrl).toMatch(new RegExp(`^/files/covers/${id}/[\\w-]{16}\\.webp$`));
		expect(view.coverAlt).toBe('Un atelier');
		const key = view.notebook.coverKey!;
		const { bytes, isPublic } = await openNotebookCover(t.ctx, v, id, key);
		expect(isPublic).toBe(false);
		const meta = await sharp(bytes).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 1600, height: 533 });
		expect(meta.exif).toBeUndefined();
		expect(bytes.includes(Buffer.from('SecretCam'))).toBe(false);
		// Hidden notebook, wrong key, another notebook: all the same 404.
		await expect(openNotebookCover(t.ctx, reader, id, key)).rejects.toThrow(NotFoundError);
		await expect(openNotebookCover(t.ctx, anonymous, id, key)).rejects.toThrow(NotFoundError);
		await expect(openNotebookCover(t.ctx, v, id, 'AAAAAAAAAAAAAAAA')).rejects.toThrow(NotFoundError);

		// The alt text alone changes in place; a new picture replaces the old file.
		await setNotebookCover(t.ctx, v, id, null, 'Un autre texte');
		expect((await getNotebook(t.ctx.db, v, id)).coverAlt).toBe('Un autre texte');
		await setNotebookCover(t.ctx, v, id, file(await pngWithExif(300, 200)), 'Petit');
		const smaller = (await getNotebook(t.ctx.db, v, id)).notebook.coverKey!;
		expect(smaller).not.toBe(key);
		expect(readdirSync(coverDir())).toEqual([`${smaller}.webp`]);
		expect((await sharp((await openNotebookCover(t.ctx, v, id, smaller)).bytes).metadata()).width).toBe(300);
		await expect(openNotebookCover(t.ctx, v, id, key)).rejects.toThrow(NotFoundError);

		await removeNotebookCover(t.ctx, v, id);
		expect((await getNotebook(t.ctx.db, v, id)).coverUrl).toBeNull();
		expect(existsSync(join(coverDir(), `${smaller}.webp`))).toBe(false);
	});

	it('goes by the bytes and refuses what is not a picture, or too large', async () => {
		const { v, reader, id } = await setUp();
		const refused = await setNotebookCover(t.ctx, v, id, file('only text', 'photo.png'), 'x').catch((e) => e);
		expect(refused).toBeInstanceOf(UnsupportedMediaError);
		expect(refused.fields).toEqual({ cover: ['cover_type_refused'] });
		const big = new Uint8Array(COVER_MAX_BYTES + 1);
		big.set(await pngWithExif(), 0);
		await expect(setNotebookCover(t.ctx, v, id, file(big), 'x')).rejects.toThrow(PayloadTooLargeError);
		const truncated = (await pngWithExif(400, 400)).subarray(0, 200);
		expect(await fieldsOf(setNotebookCover(t.ctx, v, id, file(truncated), 'x'))).toEqual({ cover: ['file_unreadable'] });
		await expect(setNotebookCover(t.ctx, reader, id, file(await pngWithExif()), 'x')).rejects.toThrow(ForbiddenError);
		// A public notebook's cover is public.
		await setNotebookCover(t.ctx, v, id, file(await pngWithExif()), 'Public');
		const key = (await getNotebook(t.ctx.db, v, id)).notebook.coverKey!;
		expect((await openNotebookCover(t.ctx, anonymous, id, key)).isPublic).toBe(true);
	});
});

describe('deleteNotebook', () => {
	it('hides the notebook from everyone but admins, everywhere, and keeps its notes', async () => {
		const { owner, v, reader, id } = await setUp();
		const note = await publishedNote(v, 'Survit');
		await includeNote(t.ctx.db, v, id, { noteId: note, categoryIds: [] });
		await setNotebookCover(t.ctx, v, id, file(await pngWithExif()), 'Couverture');
		const key = (await getNotebook(t.ctx.db, v, id)).notebook.coverKey!;
		await expect(deleteNotebook(t.ctx.db, reader, id)).rejects.toThrow(ForbiddenError);
		await deleteNotebook(t.ctx.db, v, id);

		for (const who of [anonymous, reader, v]) {
			await expect(getNotebook(t.ctx.db, who, id)).rejects.toThrow(NotFoundError);
			await expect(openNotebookCover(t.ctx, who, id, key)).rejects.toThrow(NotFoundError);
			expect((await listNotebooksOfNote(t.ctx.db, who, note)).map((n) => n.id)).not.toContain(id);
		}
		expect((await listNotebooks(t.ctx.db, v, { memberId: owner.id })).map((n) => n.id)).not.toContain(id);
		await expect(save(v, id, { title: 'x' })).rejects.toThrow(NotFoundError);
		await expect(deleteNotebook(t.ctx.db, v, id)).rejects.toThrow(NotFoundError);
		// Admins still see it, for moderation; the note lives on.
		const admin = await (await makeAccount(t.ctx, { admin: true })).viewer();
		expect((await getNotebook(t.ctx.db, admin, id)).notebook.deletedAt).not.toBeNull();
		await deleteNotebook(t.ctx.db, admin, id);
		expect((await listNotebooksOfNote(t.ctx.db, anonymous, note)).map((n) => n.id)).toEqual([]);
		expect((await getNotebook(t.ctx.db, admin, id)).noteCount).toBe(1);
	});
});
