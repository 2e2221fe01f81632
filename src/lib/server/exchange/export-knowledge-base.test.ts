import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, findCommunityBySlug, joinCommunity } from '../communities/index.ts';
import { addKnowledgeBaseNotebook, createKnowledgeBase, CreateKnowledgeBaseInput } from '../knowledge-bases/index.ts';
import { addCategory, createNotebook, CreateNotebookInput, includeNote } from '../notebooks/index.ts';
import { createNote, CreateNoteInput, setNoteStatus } from '../notes/index.ts';
import {
	exportKnowledgeBaseFiles,
	exportKnowledgeBaseHtml,
	exportKnowledgeBaseMarkdown,
	KNOWLEDGE_BASE_MANIFEST_PATH,
	type KnowledgeBaseManifest
} from './index.ts';

const t = useTestContext();
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
// The tests of a file share one database: each gets its own titles.
const fresh = () => Math.random().toString(36).slice(2, 8);
const URL_ = 'https://example.org';

async function publishedNote(viewer: Viewer, over: Record<string, unknown>) {
	const { id } = await createNote(t.ctx.db, viewer, CreateNoteInput.parse({ licence: 'CC-BY-4.0', ...over }));
	await setNoteStatus(t.ctx.db, viewer, id, 'published');
	return id;
}

/**
 * A public knowledge base of three notebooks: « Ouvert » (public: a public note, a community note, a private note,
 * the first in a category), « Caché » (private) and « Relu » (public: the public note again, and a note linking to it
 * and to the private one).
 */
async function knowledgeBase() {
	const tag = fresh();
	const slug = `kb-export-${tag}`;
	const hostAccount = await makeAccount(t.ctx);
	const memberAccount = await makeAccount(t.ctx);
	await createCommunity(t.ctx.db, await hostAccount.viewer(), { slug, name: 'Export', description: '', visibility: 'public' });
	// Read after creating the community: a viewer carries the communities it was made with.
	const host = await hostAccount.viewer();
	await joinCommunity(t.ctx, await memberAccount.viewer(), slug);
	const communityId = (await findCommunityBySlug(t.ctx.db, slug))!.id;
	const nb = (title: string, visibility = 'public') =>
		createNotebook(t.ctx.db, host, CreateNotebookInput.parse({ title: `${title} ${tag}`, visibility })).then((r) => r.id);
	const [open, hidden, again] = [await nb('Ouvert'), await nb('Caché', 'private'), await nb('Relu')];
	const shared = await publishedNote(host, { title: `Partagée ${tag}` });
	const forMembers = await publishedNote(host, { title: `Entre membres ${tag}`, visibility: 'community', communityId });
	const secret = await publishedNote(host, { title: `Privée ${tag}`, visibility: 'private' });
	const inHidden = await publishedNote(host, { title: `Dans le carnet caché ${tag}` });
	const linking = await publishedNote(host, {
		title: `Liens ${tag}`,
		body: `Voir [[Partagée ${tag}]] et [[Privée ${tag}|une note réservée]].\n`
	});
	const { id: cat } = await addCategory(t.ctx.db, host, open, { list: 0, name: 'Thème' });
	await includeNote(t.ctx.db, host, open, { noteId: shared, categoryIds: [cat] });
	for (const noteId of [forMembers, secret]) await includeNote(t.ctx.db, host, open, { noteId, categoryIds: [] });
	await includeNote(t.ctx.db, host, hidden, { noteId: inHidden, categoryIds: [] });
	for (const noteId of [shared, linking]) await includeNote(t.ctx.db, host, again, { noteId, categoryIds: [] });
	const { id: kb } = await createKnowledgeBase(
		t.ctx.db,
		host,
		CreateKnowledgeBaseInput.parse({ title: `Savoirs ${tag}`, description: 'Pour nos bailleurs' })
	);
	for (const notebookId of [open, hidden, again]) await addKnowledgeBaseNotebook(t.ctx.db, host, kb, notebookId);
	return { tag, kb, host, member: await memberAccount.viewer(), open, hidden, again, shared, forMembers, secret, inHidden, linking };
}

describe('knowledge base exports', () => {
	it('hold only the notebooks and notes each viewer may see, each note once, with links that resolve', async () => {
		const k = await knowledgeBase();
		const files = async (viewer: Viewer) => {
			const out = await exportKnowledgeBaseFiles(t.ctx.db, viewer, k.kb);
			return Object.fromEntries(Object.entries(out).map(([p, b]) => [p, dec(b)]));
		};
		const notesIn = (all: Record<string, string>) =>
			Object.keys(all)
				.filter((p) => p.endsWith('.md'))
				.sort();

		const anon = await files(anonymous);
		// The public note sits in the first notebook that holds it, once; the private notebook has no folder.
		expect(notesIn(anon)).toEqual([`Ouvert ${k.tag}/Thème/${k.shared}.md`, `Relu ${k.tag}/${k.linking}.md`].sort());
		expect(Object.keys(anon)).toContain(`Ouvert ${k.tag}/.commonplace/notebook.json`);
		expect(Object.keys(anon)).toContain(`Relu ${k.tag}/.commonplace/notebook.json`);
		const everything = Object.values(anon).join('\n');
		for (const hiddenText of [`Caché ${k.tag}`, `Privée ${k.tag}`, `Entre membres ${k.tag}`, k.hidden, k.secret, k.forMembers, k.inHidden])
			expect(everything).not.toContain(hiddenText);
		// Links: to a note of the vault by its file name (one file of that name: Obsidian resolves it); to a hidden
		// note, its label alone.
		const linking = anon[`Relu ${k.tag}/${k.linking}.md`];
		expect(linking).toContain(`Voir [[${k.shared}|Partagée ${k.tag}]] et une note réservée.`);
		expect(linking).toContain(`notebook: Relu ${k.tag}`);
		const manifest = JSON.parse(anon[KNOWLEDGE_BASE_MANIFEST_PATH]) as KnowledgeBaseManifest;
		expect(manifest).toMatchObject({ format: 'commonplace-knowledge-base/1', id: k.kb, title: `Savoirs ${k.tag}` });
		expect(manifest.notebooks).toEqual([
			{ id: k.open, title: `Ouvert ${k.tag}`, folder: `Ouvert ${k.tag}`, notes: [k.shared] },
			{ id: k.again, title: `Relu ${k.tag}`, folder: `Relu ${k.tag}`, notes: [k.shared, k.linking] }
		]);

		const member = await files(k.member);
		expect(notesIn(member)).toContain(`Ouvert ${k.tag}/${k.forMembers}.md`);
		expect(Object.values(member).join('\n')).not.toContain(`Privée ${k.tag}`);
		expect(Object.values(member).join('\n')).not.toContain(`Caché ${k.tag}`);

		const host = await files(k.host);
		expect(notesIn(host)).toEqual(
			[
				`Ouvert ${k.tag}/Thème/${k.shared}.md`,
				`Ouvert ${k.tag}/${k.forMembers}.md`,
				`Ouvert ${k.tag}/${k.secret}.md`,
				`Caché ${k.tag}/${k.inHidden}.md`,
				`Relu ${k.tag}/${k.linking}.md`
			].sort()
		);
		expect(host[`Relu ${k.tag}/${k.linking}.md`]).toContain(`[[${k.secret}|une note réservée]]`);
	});

	it('print the same, as one HTML document with licences and citations and no script', async () => {
		const k = await knowledgeBase();
		const html = (viewer: Viewer) => exportKnowledgeBaseHtml(t.ctx.db, viewer, k.kb, 'fr', URL_);

		const anon = await html(anonymous);
		expect(anon).toContain(`<h1>Savoirs ${k.tag}</h1>`);
		expect(anon).toContain('Pour nos bailleurs');
		expect(anon).toContain(`<h2>Ouvert ${k.tag}</h2>`);
		expect(anon).toContain(`<h2>Relu ${k.tag}</h2>`);
		expect(anon).toContain('CC BY 4.0');
		expect(anon).toContain(`${URL_}/fr/kb/${k.kb}`);
		expect(anon).not.toContain('<script');
		// The note of two notebooks is printed once; the second notebook points to it.
		expect(anon.match(new RegExp(`<article id="note-${k.shared}"`, 'g'))).toHaveLength(1);
		expect(anon.match(new RegExp(`href="#note-${k.shared}"`, 'g'))!.length).toBeGreaterThanOrEqual(3);
		for (const hiddenText of [`Caché ${k.tag}`, `Privée ${k.tag}`, `Entre membres ${k.tag}`, k.secret, k.forMembers, k.inHidden])
			expect(anon).not.toContain(hiddenText);

		const member = await html(k.member);
		expect(member).toContain(`Entre membres ${k.tag}`);
		expect(member).not.toContain(`Privée ${k.tag}`);
		expect(member).not.toContain(`Caché ${k.tag}`);

		const host = await html(k.host);
		expect(host).toContain(`<h2>Caché ${k.tag}</h2>`);
		expect(host).toContain(`<article id="note-${k.secret}"`);
	});

	it('answer as if a knowledge base the viewer may not see did not exist', async () => {
		const owner = await (await makeAccount(t.ctx)).viewer();
		const { id } = await createKnowledgeBase(t.ctx.db, owner, CreateKnowledgeBaseInput.parse({ title: 'Privée', visibility: 'private' }));
		const stranger = await (await makeAccount(t.ctx)).viewer();
		for (const viewer of [anonymous, stranger]) {
			await expect(exportKnowledgeBaseFiles(t.ctx.db, viewer, id)).rejects.toThrow(NotFoundError);
			await expect(exportKnowledgeBaseHtml(t.ctx.db, viewer, id, 'en', URL_)).rejects.toThrow(NotFoundError);
		}
		// Its manager gets an empty knowledge base: the manifest alone.
		expect(Object.keys(await exportKnowledgeBaseFiles(t.ctx.db, owner, id))).toEqual([KNOWLEDGE_BASE_MANIFEST_PATH]);
		expect(Object.keys(unzipSync(await exportKnowledgeBaseMarkdown(t.ctx.db, owner, id)))).toEqual([KNOWLEDGE_BASE_MANIFEST_PATH]);
	});
});
