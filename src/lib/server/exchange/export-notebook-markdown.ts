import { zipSync } from 'fflate';
import { stringify } from 'yaml';
import type { Viewer } from '../../domain/viewer.ts';
import { extractWikiLinks, mapWikiLinks } from '../../domain/wiki-links.ts';
import type { Db } from '../db/index.ts';
import { getNotebook, ListNotebookNotesQuery, listNotebookNotes, type NotebookNoteItem } from '../notebooks/index.ts';
import { findLinkTargets, getNote, type NoteView } from '../notes/index.ts';
import { FRONT_MATTER_ORDER } from './front-matter.ts';
import { MANIFEST_PATH, type NotebookManifest } from './notebook-manifest.ts';

export interface ExportedNote {
	view: NoteView;
	item: NotebookNoteItem;
}

/**
 * The notes of a notebook that this viewer may see, in the notebook's order, each loaded through `getNote` (the
 * visibility rule, admin views logged). NotFoundError if the viewer may not see the notebook. Shared by both exports.
 */
export async function loadNotebookForExport(db: Db, viewer: Viewer, notebookId: string) {
	const notebook = await getNotebook(db, viewer, notebookId);
	const notes: ExportedNote[] = [];
	let cursor: string | undefined;
	do {
		const page = await listNotebookNotes(db, viewer, notebookId, ListNotebookNotesQuery.parse({ limit: 100, cursor }));
		for (const item of page.items) notes.push({ view: await getNote(db, viewer, item.id), item });
		cursor = page.next ?? undefined;
	} while (cursor);
	return { notebook, notes };
}

/** A name a folder may carry on Windows, macOS and Linux alike. */
export const folderName = (name: string) =>
	name
		// eslint-disable-next-line no-control-regex -- control characters are refused by file systems.
		.replace(/[\\/:*?"<>|\x00-\x1f]/g, '-')
		.replace(/^[.\s]+|[.\s]+$/g, '')
		.slice(0, 80);

/**
 * Links as Obsidian reads them: `[[id:ID|label]]` becomes `[[ID|label]]`, which opens the file `ID.md` of the vault.
 * A link to a note the viewer may not see becomes its label alone, so the export names no hidden note.
 */
function portableBody(body: string, visible: ReadonlySet<string>): string {
	return mapWikiLinks(body, ({ target, label, inTable }) => {
		if (target.kind !== 'id') return null;
		if (!visible.has(target.id)) return label ?? '';
		return `[[${target.id}${label ? (inTable ? '\\|' : '|') + label : ''}]]`;
	});
}

function frontMatter(n: ExportedNote, notebookTitle: string, lists: number): string {
	const { note, authors, community } = n.view;
	const names: string[] = Array.from({ length: lists }, () => '');
	for (const c of n.item.categories) names[c.list] = c.name;
	while (names.length && !names[names.length - 1]) names.pop();
	const values: Record<string, unknown> = {
		id: note.id,
		title: note.title,
		aliases: [note.title],
		type: note.type,
		language: note.language,
		licence: note.licence,
		visibility: note.visibility,
		status: note.status,
		summary: note.summary || null,
		// Accounts by handle, then people without one by name: an import tells them apart (import-authors.ts).
		authors: [...authors.map((a) => a.handle), ...note.externalAuthors],
		community: community?.slug ?? null,
		notebook: notebookTitle,
		category: names.length === 0 ? null : names.length === 1 ? names[0] : names,
		published: note.publishedAt?.toISOString() ?? null,
		updated: note.updatedAt.toISOString(),
		created: note.createdAt.toISOString(),
		definition: note.termDefinition,
		synonyms: note.termSynonyms?.length ? note.termSynonyms : null,
		website: note.orgWebsite,
		region: note.orgRegion,
		sector: note.orgSector,
		address: note.orgAddress,
		contact: note.orgContact
	};
	const ordered = Object.fromEntries(
		FRONT_MATTER_ORDER.flatMap((k) => (values[k] === null || values[k] === undefined ? [] : [[k, values[k]]]))
	);
	return `---\n${stringify(ordered, { lineWidth: 0 })}---\n\n`;
}

export type LoadedNotebook = Awaited<ReturnType<typeof loadNotebookForExport>>;

/**
 * The ids a link of these notes may keep: the notes the viewer may see that they link to, and the notes themselves.
 * A link to any other note is written as its label alone.
 */
export async function linkableNotes(db: Db, viewer: Viewer, notes: ExportedNote[]): Promise<Set<string>> {
	const targets = notes.flatMap((n) => extractWikiLinks(n.view.note.body).map((l) => l.target));
	const { byId } = await findLinkTargets(db, viewer, targets);
	return new Set<string>([...byId.keys(), ...notes.map((n) => n.view.note.id)]);
}

/** One note as a Markdown file of its notebook's folder: `{category}/{id}.md`, or `{id}.md` without a category. */
function noteMarkdownFile(n: ExportedNote, notebook: LoadedNotebook['notebook'], visible: ReadonlySet<string>) {
	const first = n.item.categories.find((c) => c.list === 0);
	const folder = first ? folderName(first.name) : '';
	return {
		path: `${folder ? `${folder}/` : ''}${n.view.note.id}.md`,
		text: frontMatter(n, notebook.notebook.title, notebook.lists.length) + portableBody(n.view.note.body, visible)
	};
}

/**
 * A loaded notebook as files under `prefix`: its notes (those `skip` does not exclude) and
 * `.commonplace/notebook.json` describing the notebook.
 */
export function notebookMarkdownFiles(
	{ notebook, notes }: LoadedNotebook,
	visible: ReadonlySet<string>,
	{ prefix = '', skip }: { prefix?: string; skip?: (noteId: string) => boolean } = {}
): Record<string, Uint8Array> {
	const enc = new TextEncoder();
	const files: Record<string, Uint8Array> = {};
	for (const n of notes) {
		if (skip?.(n.view.note.id)) continue;
		const { path, text } = noteMarkdownFile(n, notebook, visible);
		files[`${prefix}${path}`] = enc.encode(text);
	}
	const manifest: NotebookManifest = {
		format: 'commonplace-notebook/1',
		id: notebook.notebook.id,
		title: notebook.notebook.title,
		description: notebook.notebook.description,
		visibility: notebook.notebook.visibility,
		categoryLists: notebook.notebook.categoryLists,
		categories: notebook.lists.flatMap((l) => l.categories.map((c) => ({ list: l.list, name: c.name })))
	};
	files[`${prefix}${MANIFEST_PATH}`] = enc.encode(JSON.stringify(manifest, null, 2) + '\n');
	return files;
}

/**
 * A notebook as Markdown files that Obsidian opens as a vault: `{prefix}{category}/{id}.md` (notes of no category
 * at the root) with YAML front matter, and `{prefix}.commonplace/notebook.json` describing the notebook. Only the
 * notes the viewer may see. NotFoundError if the viewer may not see the notebook.
 */
export async function exportNotebookFiles(db: Db, viewer: Viewer, notebookId: string, prefix = ''): Promise<Record<string, Uint8Array>> {
	const loaded = await loadNotebookForExport(db, viewer, notebookId);
	return notebookMarkdownFiles(loaded, await linkableNotes(db, viewer, loaded.notes), { prefix });
}

/** The Markdown export as one zip archive. */
export async function exportNotebookMarkdown(db: Db, viewer: Viewer, notebookId: string): Promise<Uint8Array> {
	return zipSync(await exportNotebookFiles(db, viewer, notebookId), { level: 6 });
}
