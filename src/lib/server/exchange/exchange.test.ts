import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { anonymous } from '../../domain/viewer.ts';
import {
	addCategory,
	createNotebook,
	CreateNotebookInput,
	getNotebook,
	includeNote,
	listNotebookNotes,
	ListNotebookNotesQuery
} from '../notebooks/index.ts';
import { createNote, CreateNoteInput, getNote, listBacklinks, listRevisions, setNoteStatus } from '../notes/index.ts';
import { exportNotebookFiles, exportNotebookHtml, exportNotebookMarkdown, importMarkdown, readZip } from './index.ts';

const t = useTestContext();
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const files = (o: Record<string, string>) => Object.entries(o).map(([path, text]) => ({ path, bytes: enc(text) }));
// Each test gets its own ids and titles: the tests of a file share one database.
const fresh = () => Math.random().toString(36).slice(2, 8).padEnd(6, 'x');
const idOf = (tag: string, c: string) => `${tag}${c.repeat(16 - tag.length)}`;

describe('importMarkdown', () => {
	it('creates notes, categories and inclusions, resolving links across the import and to existing notes', async () => {
		const tag = fresh();
		const [ID_A, ID_B] = [idOf(tag, 'A'), idOf(tag, 'B')];
		const me = await makeAccount(t.ctx);
		const v = await me.viewer();
		const { id: existing } = await createNote(t.ctx.db, v, CreateNoteInput.parse({ title: 'Note existante' }));
		const report = await importMarkdown(
			t.ctx.db,
			v,
			files({
				'vault/a.md': `---\nid: ${ID_A}\ntitle: Première\nstatus: published\ncategory: Thème\n---\nVoir [[Seconde]] et [[Note existante]].\n`,
				'vault/sub/b.md': `---\nid: ${ID_B}\nvisibility: private\n---\n# Seconde\n\nRetour à [[${ID_A}|la première]].\n`,
				'vault/bad.md': '---\nlicence: nope\n---\nx',
				'vault/c.md': 'Sans préambule ni titre.'
			}),
			{ notebookTitle: 'Carnet importé' }
		);
		// c.md has neither front matter nor heading: its file name is its title.
		expect(report.created.map((n) => n.title).sort()).toEqual(['Première', 'Seconde', 'c']);
		expect(report.skipped).toEqual([expect.objectContaining({ file: 'vault/bad.md', code: 'front_matter' })]);
		const a = await getNote(t.ctx.db, v, ID_A);
		expect(a.note.body).toBe(`Voir [[id:${ID_B}|Seconde]] et [[id:${existing}|Note existante]].\n`);
		expect(a.note.status).toBe('published');
		const b = await getNote(t.ctx.db, v, ID_B);
		expect(b.note.body).toBe(`Retour à [[id:${ID_A}|la première]].\n`);
		expect(b.note.visibility).toBe('private');
		// A forward link (a → b, b written later) is recorded too.
		expect((await listBacklinks(t.ctx.db, v, ID_B)).map((l) => l.id)).toEqual([ID_A]);
		// Private stays private.
		await expect(getNote(t.ctx.db, anonymous, ID_B)).rejects.toThrow(NotFoundError);
		const [nb] = report.notebooks;
		expect(nb).toMatchObject({ title: 'Carnet importé', created: true });
		const listed = await listNotebookNotes(t.ctx.db, v, nb.id, ListNotebookNotesQuery.parse({}));
		expect(listed.items).toHaveLength(3);
		expect(listed.items.find((i) => i.id === ID_A)?.categories.map((c) => c.name)).toEqual(['Thème']);
	});

	it('makes a new revision when the same id comes again, and refuses ids of notes one may not edit', async () => {
		const ID_A = idOf(fresh(), 'C');
		const me = await makeAccount(t.ctx);
		const v = await me.viewer();
		const one = files({ 'a.md': `---\nid: ${ID_A}\ntitle: Version 1\n---\nUn\n` });
		await importMarkdown(t.ctx.db, v, one);
		const again = await importMarkdown(t.ctx.db, v, files({ 'a.md': `---\nid: ${ID_A}\ntitle: Version 2\n---\nDeux\n` }));
		expect(again.updated).toEqual([{ file: 'a.md', id: ID_A, title: 'Version 2' }]);
		expect(again.created).toEqual([]);
		expect((await listRevisions(t.ctx.db, ID_A)).length).toBe(2);
		expect((await getNote(t.ctx.db, v, ID_A)).note.body).toBe('Deux\n');
		const other = await makeAccount(t.ctx);
		const theirs = await importMarkdown(t.ctx.db, await other.viewer(), files({ 'x.md': `---\nid: ${ID_A}\n---\nÉcrasé ?` }));
		expect(theirs.skipped).toEqual([expect.objectContaining({ code: 'id_taken' })]);
		expect((await getNote(t.ctx.db, v, ID_A)).note.body).toBe('Deux\n');
	});
});

describe('exports', () => {
	async function notebookWithNotes() {
		const tag = fresh();
		const me = await makeAccount(t.ctx);
		const v = await me.viewer();
		const { id: nbId } = await createNotebook(
			t.ctx.db,
			v,
			CreateNotebookInput.parse({ title: 'Carnet à exporter', description: 'Pour les partenaires' })
		);
		const { id: cat } = await addCategory(t.ctx.db, v, nbId, { list: 0, name: 'Thème / A' });
		const { id: n1 } = await createNote(
			t.ctx.db,
			v,
			CreateNoteInput.parse({ title: `Terme ${tag}`, type: 'term', termDefinition: 'Déf', termSynonyms: ['syn'], licence: 'CC-BY-4.0' })
		);
		const { id: n2 } = await createNote(
			t.ctx.db,
			v,
			CreateNoteInput.parse({ title: 'Lien', body: `Voir [[Terme ${tag}]].\n\n| a | b |\n|---|---|\n| [[Terme ${tag}\\|t]] | x |\n` })
		);
		const { id: hidden } = await createNote(t.ctx.db, v, CreateNoteInput.parse({ title: 'Secret', visibility: 'private', body: 'Privé' }));
		for (const id of [n1, n2, hidden]) await setNoteStatus(t.ctx.db, v, id, 'published');
		await includeNote(t.ctx.db, v, nbId, { noteId: n1, categoryIds: [cat] });
		await includeNote(t.ctx.db, v, nbId, { noteId: n2, categoryIds: [] });
		await includeNote(t.ctx.db, v, nbId, { noteId: hidden, categoryIds: [] });
		return { me, v, nbId, n1, n2, hidden, tag };
	}

	it('contains only the notes the viewer may see', async () => {
		const { nbId, n1, hidden } = await notebookWithNotes();
		const files = await exportNotebookFiles(t.ctx.db, anonymous, nbId);
		const paths = Object.keys(files);
		expect(paths).toContain(`Thème - A/${n1}.md`);
		expect(paths.some((p) => p.includes(hidden))).toBe(false);
		expect(Object.values(files).map(dec).join('\n')).not.toContain('Secret');
		const html = await exportNotebookHtml(t.ctx.db, anonymous, nbId, 'fr', 'https://example.org');
		expect(html).toContain('Carnet à exporter');
		expect(html).not.toContain('Secret');
		expect(html).toContain('CC BY 4.0');
		expect(html).toMatch(/Récupéré|Consulté|example\.org\/fr\/n\//);
	});

	it('round-trips a notebook through Markdown without loss', async () => {
		const { v, nbId, n1, n2, hidden, tag } = await notebookWithNotes();
		const zip = await exportNotebookMarkdown(t.ctx.db, v, nbId);
		const text = dec(unzipSync(zip)[`${n2}.md`]);
		expect(text).toContain(`Voir [[${n1}|Terme ${tag}]].`);
		expect(text).toContain(`| [[${n1}\\|t]] | x |`);
		expect(text).toMatch(/^---\nid: /);
		// Into another instance-like place: a fresh account imports the same files under new ids is not a round
		// trip; the author re-imports them (same ids → new revisions) after changing nothing.
		const before = await Promise.all([n1, n2].map((id) => getNote(t.ctx.db, v, id)));
		const report = await importMarkdown(t.ctx.db, v, readZip(zip));
		expect(report.skipped).toEqual([]);
		// Its author sees the private note too, so it is in their export.
		expect(report.updated.map((n) => n.id).sort()).toEqual([n1, n2, hidden].sort());
		const after = await Promise.all([n1, n2].map((id) => getNote(t.ctx.db, v, id)));
		for (const [i, b] of before.entries()) {
			const a = after[i].note;
			for (const key of [
				'title',
				'body',
				'type',
				'licence',
				'visibility',
				'status',
				'language',
				'summary',
				'termDefinition',
				'termSynonyms'
			] as const)
				expect(a[key]).toEqual(b.note[key]);
			expect(a.publishedAt?.toISOString()).toBe(b.note.publishedAt?.toISOString());
		}
		const nb = await getNotebook(t.ctx.db, v, nbId);
		expect(nb.lists[0].categories.map((c) => c.name)).toEqual(['Thème / A']);
	});

	it('never overwrites notes of someone else when their export is imported', async () => {
		const { v, nbId, n1, n2 } = await notebookWithNotes();
		const zip = await exportNotebookMarkdown(t.ctx.db, v, nbId);
		// Another person imports the export: the ids are taken by notes they may not edit, so they are refused,
		// never overwritten (a real move goes to another instance, where the ids are free).
		const other = await makeAccount(t.ctx);
		const report = await importMarkdown(t.ctx.db, await other.viewer(), readZip(zip));
		expect(report.skipped.map((s) => s.code)).toEqual(['id_taken', 'id_taken', 'id_taken']);
		expect(report.created).toEqual([]);
		for (const id of [n1, n2]) expect((await listRevisions(t.ctx.db, id)).length).toBe(1);
	});
});
