// The import writes chunks of notes in one transaction each; these tests hold it to the rows the one-by-one path
// (createNote, updateNote, inviteCoAuthor, includeNote) writes, and to its rules.
import { describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { anonymous } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';
import { createNotebook, CreateNotebookInput, includeNote } from '../notebooks/index.ts';
import { createNote, CreateNoteInput, getNote, listBacklinks, listRevisions, updateNote, UpdateNoteInput } from '../notes/index.ts';
import { exportNotebookHtml, exportNotebookMarkdown, importMarkdown, readZip } from './index.ts';

const t = useTestContext();
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const files = (o: Record<string, string>) => Object.entries(o).map(([path, text]) => ({ path, bytes: enc(text) }));
const fresh = () => Math.random().toString(36).slice(2, 8).padEnd(6, 'x');

/**
 * A vault of six notes and two bad files, read in this order with chunks of two: links backward, forward within a
 * chunk and forward across chunks, to an existing note by title and by id; authors by handle, by name, unknown.
 */
function vault(tag: string, coHandle: string, existingId: string) {
	const names21 = Array.from({ length: 21 }, (_, i) => `  - Personne ${i}`).join('\n');
	return files({
		'v/01-a.md': `---\ntitle: A ${tag}\nstatus: published\npublished: 2024-05-01T10:00:00Z\nupdated: 2024-05-02T10:00:00Z\ncategory: Thème\nauthors:\n  - ${coHandle}\n  - Marie Tremblay\n  - TIESS\n  - inconnu-${tag}\n---\nVoir [[B ${tag}]] et [[Existante ${tag}]].\n`,
		'v/02-bad.md': '---\nlicence: nope\n---\nx',
		'v/03-b.md': `---\ntitle: B ${tag}\nvisibility: private\n---\nRetour à [[A ${tag}|la première]], puis [[D ${tag}]].\n`,
		'v/04-c.md': `---\ntitle: C ${tag}\ntype: term\ndefinition: Une définition\nsynonyms: [un, deux]\nstatus: published\ncategory: Outils\n---\nTerme.\n`,
		'v/05-too-many.md': `---\ntitle: Trop ${tag}\nauthors:\n${names21}\n---\nTrop de noms.\n`,
		'v/06-d.md': `---\ntitle: D ${tag}\ntype: organization\nwebsite: https://example.org\nregion: Montréal\ncategory: [Outils]\n---\nVoir [[${existingId}|la note existante]].\n`,
		'v/07-e.md': `# E ${tag}\n\nTexte qui renvoie à [[A ${tag}]].\n`,
		'v/08-nul.md': `---\ntitle: Nul ${tag}\n---\nun \u0000 caractère nul\n`
	});
}

const recent = (d: Date | null) => (d === null ? null : Date.now() - d.getTime() < 10 * 60_000 ? 'now' : d.toISOString());

/** Every row the import wrote for these notes, ids replaced by titles so two imports compare. */
async function snapshot(ids: string[], who: Record<string, string>, notebookId: string, tag: string) {
	const { db } = t.ctx;
	const notes = await db.select().from(schema.note).where(inArray(schema.note.id, ids)).orderBy(asc(schema.note.title));
	const titleOf = new Map(notes.map((n) => [n.id, n.title]));
	const name = (id: string | null) => (id === null ? null : (titleOf.get(id) ?? who[id] ?? id));
	const text = (s: string) =>
		[...titleOf, ...Object.entries(who)].reduce((out, [id, n]) => out.replaceAll(id, `<${n}>`), s).replaceAll(tag, 'TAG');
	const revisions = await db.select().from(schema.noteRevision).where(inArray(schema.noteRevision.noteId, ids));
	const revisionNumber = new Map(revisions.map((r) => [r.id, r.number]));
	const authors = await db.select().from(schema.noteAuthor).where(inArray(schema.noteAuthor.noteId, ids));
	const links = await db.select().from(schema.noteLink).where(inArray(schema.noteLink.fromNoteId, ids));
	const included = await db
		.select()
		.from(schema.notebookNote)
		.where(inArray(schema.notebookNote.noteId, ids))
		.orderBy(asc(schema.notebookNote.position));
	const categories = await db
		.select({ noteId: schema.notebookNoteCategory.noteId, list: schema.notebookNoteCategory.list, name: schema.notebookCategory.name })
		.from(schema.notebookNoteCategory)
		.innerJoin(schema.notebookCategory, eq(schema.notebookCategory.id, schema.notebookNoteCategory.categoryId))
		.where(inArray(schema.notebookNoteCategory.noteId, ids));
	return {
		// Ids differ from one import to the other: the title names each note.
		notes: notes.map(({ currentRevisionId, createdAt, updatedAt, publishedAt, deletedAt, body, title, slug, ...row }) => ({
			...Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'id')),
			title: text(title),
			slug: text(slug),
			body: text(body),
			currentRevision: revisionNumber.get(currentRevisionId ?? ''),
			createdAt: recent(createdAt),
			updatedAt: recent(updatedAt),
			publishedAt: recent(publishedAt),
			deletedAt
		})),
		revisions: revisions
			.map((r) => ({
				note: text(name(r.noteId)!),
				number: r.number,
				title: text(r.title),
				summary: r.summary,
				body: text(r.body),
				editor: name(r.editorId),
				message: r.message,
				base: r.baseRevisionId ? (revisionNumber.get(r.baseRevisionId) ?? 'unknown') : null,
				createdAt: recent(r.createdAt)
			}))
			.sort((a, b) => a.note.localeCompare(b.note) || a.number - b.number),
		authors: authors
			.map((a) => ({
				note: text(name(a.noteId)!),
				who: name(a.accountId),
				position: a.position,
				status: a.status,
				invitedBy: name(a.invitedBy)
			}))
			.sort((a, b) => a.note.localeCompare(b.note) || a.position - b.position),
		links: links.map((l) => `${text(name(l.fromNoteId)!)} → ${text(name(l.toNoteId)!)}`).sort(),
		notebook: included.map((i) => ({
			note: text(name(i.noteId)!),
			notebook: i.notebookId === notebookId,
			by: name(i.includedBy),
			pinned: i.pinned,
			categories: categories.filter((c) => c.noteId === i.noteId).map((c) => `${c.list}:${c.name}`)
		}))
	};
}

async function importVault(batch: boolean) {
	const tag = fresh();
	const me = await makeAccount(t.ctx);
	const co = await makeAccount(t.ctx);
	const v = await me.viewer();
	const { id: existing } = await createNote(t.ctx.db, v, CreateNoteInput.parse({ title: `Existante ${tag}`, visibility: 'private' }));
	const report = await importMarkdown(t.ctx.db, v, vault(tag, co.handle, existing), {
		notebookTitle: `Carnet ${tag}`,
		batch,
		chunkSize: 2
	});
	const ids = [...report.created, ...report.updated].map((n) => n.id);
	const who = { [me.id]: 'me', [co.id]: 'co', [existing]: 'existing' };
	const normal = (s: string) => s.replaceAll(tag, 'TAG').replaceAll(co.handle, 'CO');
	return {
		v,
		tag,
		report,
		ids: Object.fromEntries(report.created.map((n) => [n.file, n.id])),
		summary: {
			created: report.created.map((n) => n.file),
			skipped: report.skipped.map((s) => ({ file: s.file, code: s.code, detail: normal(s.detail) })),
			warnings: report.warnings.map((w) => ({ file: w.file, detail: normal(w.detail) })),
			notebooks: report.notebooks.map((n) => ({ title: normal(n.title), created: n.created }))
		},
		rows: await snapshot(ids, who, report.notebooks[0].id, tag),
		// One transaction per chunk: its inclusions share the transaction's time; one by one, each has its own.
		includedAt: (await t.ctx.db.select().from(schema.notebookNote).where(inArray(schema.notebookNote.noteId, ids)))
			.map((r) => r.includedAt.getTime())
			.sort()
	};
}

describe('importing in chunks', () => {
	it('writes the same rows as the one-by-one path, skipping bad files in the middle of a chunk', async () => {
		const batch = await importVault(true);
		const single = await importVault(false);
		expect(batch.summary).toEqual(single.summary);
		expect(batch.rows).toEqual(single.rows);
		// Chunks [A, B], [C], [D, E] (the bad file of the second is left out): three times when written in chunks.
		expect(new Set(batch.includedAt).size).toBe(3);
		expect(new Set(single.includedAt).size).toBe(5);
		// What the rows hold, so the comparison above compares something.
		expect(batch.summary.created).toEqual(['v/01-a.md', 'v/03-b.md', 'v/04-c.md', 'v/06-d.md', 'v/07-e.md']);
		expect(batch.summary.skipped).toEqual([
			expect.objectContaining({ file: 'v/02-bad.md', code: 'front_matter' }),
			expect.objectContaining({ file: 'v/08-nul.md', code: 'invalid' }),
			expect.objectContaining({ file: 'v/05-too-many.md', code: 'invalid', detail: expect.stringContaining('external_authors_too_many') })
		]);
		expect(batch.summary.warnings).toEqual([{ file: 'v/01-a.md', detail: 'author inconnu-TAG: no account has this handle' }]);
		const a = batch.rows.notes.find((n) => n.title === 'A TAG')!;
		expect(a).toMatchObject({ externalAuthors: ['Marie Tremblay', 'TIESS'], status: 'published', publishedAt: '2024-05-01T10:00:00.000Z' });
		expect(a.body).toBe('Voir [[id:<B TAG>|B TAG]] et [[id:<existing>|Existante TAG]].\n');
		expect(batch.rows.authors.filter((r) => r.note === 'A TAG')).toEqual([
			{ note: 'A TAG', who: 'me', position: 0, status: 'active', invitedBy: null },
			{ note: 'A TAG', who: 'co', position: 1, status: 'invited', invitedBy: 'me' }
		]);
		// Links: within a chunk (A → B), backward (B → A, E → A), forward across chunks (B → D), outside (A, D → existing).
		expect(batch.rows.links).toEqual([
			'A TAG → B TAG',
			'A TAG → existing',
			'B TAG → A TAG',
			'B TAG → D TAG',
			'D TAG → existing',
			'E TAG → A TAG'
		]);
		expect(batch.rows.notebook.map((n) => [n.note, n.categories])).toEqual([
			['A TAG', ['0:Thème']],
			['B TAG', []],
			['C TAG', ['0:Outils']],
			['D TAG', ['0:Outils']],
			['E TAG', []]
		]);
		expect((await listBacklinks(t.ctx.db, batch.v, batch.ids['v/06-d.md'])).map((l) => l.id)).toEqual([batch.ids['v/03-b.md']]);
		// Private stays private, to anonymous readers as to anyone else.
		await expect(getNote(t.ctx.db, anonymous, batch.ids['v/03-b.md'])).rejects.toThrow(NotFoundError);
		expect((await getNote(t.ctx.db, anonymous, batch.ids['v/01-a.md'])).note.title).toBe(`A ${batch.tag}`);
	});

	it('makes a new revision for an id imported again, publishing it when its status changes', async () => {
		const tag = fresh();
		const id = `${tag}${'R'.repeat(10)}`;
		const me = await makeAccount(t.ctx);
		const v = await me.viewer();
		const first = await importMarkdown(t.ctx.db, v, files({ 'r.md': `---\nid: ${id}\ntitle: Un ${tag}\n---\nUn\n` }));
		expect(first.created.map((n) => n.id)).toEqual([id]);
		const again = await importMarkdown(
			t.ctx.db,
			v,
			files({ 'r.md': `---\nid: ${id}\ntitle: Deux ${tag}\nstatus: published\nauthors: [Marie Tremblay]\n---\nDeux\n` })
		);
		expect(again.updated.map((n) => n.id)).toEqual([id]);
		const revisions = await listRevisions(t.ctx.db, id);
		expect(revisions.map((r) => [r.number, r.title])).toEqual([
			[2, `Deux ${tag}`],
			[1, `Un ${tag}`]
		]);
		const { note } = await getNote(t.ctx.db, v, id);
		expect(note).toMatchObject({ body: 'Deux\n', status: 'published', externalAuthors: ['Marie Tremblay'], slug: `deux-${tag}` });
		expect(note.publishedAt).not.toBeNull();
		const [second] = await t.ctx.db
			.select()
			.from(schema.noteRevision)
			.where(inArray(schema.noteRevision.id, [note.currentRevisionId!]));
		expect(second.baseRevisionId).toBe(revisions[1].id);
	});

	it('writes a chunk again one note at a time when a note changed meanwhile, naming only that file', async () => {
		const tag = fresh();
		const me = await makeAccount(t.ctx);
		const v = await me.viewer();
		const ids = [1, 2, 3].map((n) => `${tag}${String(n).repeat(10)}`);
		await importMarkdown(
			t.ctx.db,
			v,
			files(Object.fromEntries(ids.map((id, i) => [`${i}.md`, `---\nid: ${id}\ntitle: N${i} ${tag}\n---\nv1\n`])))
		);
		const again = Object.fromEntries(ids.map((id, i) => [`${i}.md`, `---\nid: ${id}\ntitle: N${i} ${tag}\n---\nv2\n`]));
		again['3-new.md'] = `# Nouvelle ${tag}\n\nRenvoie à [[N2 ${tag}]].\n`;
		const report = await importMarkdown(t.ctx.db, v, files(again), {
			chunkSize: 2,
			// Between the chunks, someone saves the third note: the import planned it from the revision before.
			onProgress: async (done) => {
				if (done !== 2) return;
				const { note } = await getNote(t.ctx.db, v, ids[2]);
				await updateNote(t.ctx.db, v, ids[2], UpdateNoteInput.parse({ body: 'saved meanwhile', baseRevisionId: note.currentRevisionId }));
			}
		});
		expect(report.updated.map((n) => n.file)).toEqual(['0.md', '1.md']);
		expect(report.skipped).toEqual([{ file: '2.md', code: 'invalid', detail: '_: edit_conflict' }]);
		expect(report.created.map((n) => n.file)).toEqual(['3-new.md']);
		expect((await getNote(t.ctx.db, v, ids[2])).note.body).toBe('saved meanwhile');
		const created = await getNote(t.ctx.db, v, report.created[0].id);
		expect(created.note.body).toBe(`Renvoie à [[id:${ids[2]}|N2 ${tag}]].\n`);
	});
});

describe('external authors through export and import', () => {
	it('writes account authors as handles and the others as names, and imports them back without loss', async () => {
		const me = await makeAccount(t.ctx);
		const v = await me.viewer();
		const { id: nbId } = await createNotebook(t.ctx.db, v, CreateNotebookInput.parse({ title: `Carnet ${fresh()}` }));
		const { id } = await createNote(
			t.ctx.db,
			v,
			CreateNoteInput.parse({ title: 'Rapport', externalAuthors: ['Marie Tremblay', 'collectif', 'TIESS'] })
		);
		await includeNote(t.ctx.db, v, nbId, { noteId: id, categoryIds: [] });
		const zip = await exportNotebookMarkdown(t.ctx.db, v, nbId);
		const text = dec(readZip(zip).find((f) => f.path === `${id}.md`)!.bytes);
		expect(text).toContain(`authors:\n  - ${me.handle}\n  - Marie Tremblay\n  - collectif\n  - TIESS\n`);
		const html = await exportNotebookHtml(t.ctx.db, v, nbId, 'en', 'https://example.org');
		expect(html).toMatch(new RegExp(`<p class="meta">By Person \\d+, Marie Tremblay, collectif, TIESS · `));
		const report = await importMarkdown(t.ctx.db, v, readZip(zip));
		expect(report).toMatchObject({ updated: [expect.objectContaining({ id })], skipped: [], warnings: [] });
		// "collectif" has a handle's shape and no account has it: the note already credits it by name, so it stays.
		expect((await getNote(t.ctx.db, v, id)).note.externalAuthors).toEqual(['Marie Tremblay', 'collectif', 'TIESS']);
	});

	it('tells names from handles: a space or a capital makes a name, an unknown handle is a warning', async () => {
		const me = await makeAccount(t.ctx);
		const co = await makeAccount(t.ctx);
		const report = await importMarkdown(
			t.ctx.db,
			await me.viewer(),
			files({ 'n.md': `---\ntitle: Noms\nauthors: [bell hooks, Émilie, "@${co.handle}", "@personne-${fresh()}", ${me.handle}]\n---\nx\n` })
		);
		expect(report.warnings).toEqual([{ file: 'n.md', detail: expect.stringMatching(/^author @personne-.*: no account has this handle$/) }]);
		const { note, authors } = await getNote(t.ctx.db, await me.viewer(), report.created[0].id);
		expect(note.externalAuthors).toEqual(['bell hooks', 'Émilie']);
		expect(authors.map((a) => a.handle)).toEqual([me.handle]);
		const invited = await t.ctx.db
			.select()
			.from(schema.noteAuthor)
			.where(inArray(schema.noteAuthor.noteId, [note.id]));
		expect(invited.find((a) => a.accountId === co.id)?.status).toBe('invited');
	});
});
