import { zipSync } from 'fflate';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { getKnowledgeBase } from '../knowledge-bases/index.ts';
import {
	folderName,
	linkableNotes,
	loadNotebookForExport,
	notebookMarkdownFiles,
	type LoadedNotebook
} from './export-notebook-markdown.ts';

/** Where a knowledge base export says what it holds; Obsidian ignores dot folders, and so does the import. */
export const KNOWLEDGE_BASE_MANIFEST_PATH = '.commonplace/knowledge-base.json';

export interface KnowledgeBaseManifest {
	format: 'commonplace-knowledge-base/1';
	id: string;
	title: string;
	description: string;
	visibility: 'public' | 'community' | 'private';
	/** Each notebook, its folder, and all its notes in order, including those whose file is in an earlier folder. */
	notebooks: { id: string; title: string; folder: string; notes: string[] }[];
}

/**
 * The knowledge base and, in the managers' order, each of its notebooks the viewer may see with the notes of it they
 * may see (getKnowledgeBase and loadNotebookForExport apply the visibility rules and log admin views).
 * NotFoundError if the viewer may not see the knowledge base. Shared by both knowledge base exports.
 */
export async function loadKnowledgeBaseForExport(db: Db, viewer: Viewer, kbId: string) {
	const view = await getKnowledgeBase(db, viewer, kbId);
	const notebooks: LoadedNotebook[] = [];
	for (const nb of view.notebooks) notebooks.push(await loadNotebookForExport(db, viewer, nb.id));
	// A note held by several notebooks is written once, under the first of them (see exportKnowledgeBaseFiles).
	const home = new Map<string, string>();
	for (const { notebook, notes } of notebooks)
		for (const n of notes) if (!home.has(n.view.note.id)) home.set(n.view.note.id, notebook.notebook.id);
	return { view, notebooks, home };
}

/** One folder name per notebook, distinct even when two notebooks share a title. */
function notebookFolders(notebooks: LoadedNotebook[]): string[] {
	const taken = new Set<string>();
	return notebooks.map(({ notebook }) => {
		const base = folderName(notebook.notebook.title) || notebook.notebook.id;
		let name = base;
		for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
		taken.add(name.toLowerCase());
		return name;
	});
}

/**
 * A knowledge base as one Obsidian vault: a folder per notebook, each laid out as that notebook's own export
 * (`{notebook}/{category}/{id}.md`, `{notebook}/.commonplace/notebook.json`), plus `.commonplace/knowledge-base.json`.
 * Only what the viewer may see. NotFoundError if they may not see the knowledge base.
 *
 * A note held by two notebooks is written ONCE, in the folder of the first notebook (in the knowledge base's order)
 * that holds it, rather than once per folder: Obsidian resolves `[[ID|label]]` by file name across the whole vault,
 * and two files named `ID.md` would make it pick one of them arbitrarily, split the note's backlinks and graph node
 * in two, and let the copies drift apart when edited. With one file per note, every link between notes of the
 * export resolves to exactly one file. The manifest keeps what the folders no longer show: every notebook's notes.
 */
export async function exportKnowledgeBaseFiles(db: Db, viewer: Viewer, kbId: string): Promise<Record<string, Uint8Array>> {
	const { view, notebooks, home } = await loadKnowledgeBaseForExport(db, viewer, kbId);
	const visible = await linkableNotes(
		db,
		viewer,
		notebooks.flatMap((nb) => nb.notes)
	);
	const folders = notebookFolders(notebooks);
	const files: Record<string, Uint8Array> = {};
	for (const [i, loaded] of notebooks.entries()) {
		const own = loaded.notebook.notebook.id;
		Object.assign(files, notebookMarkdownFiles(loaded, visible, { prefix: `${folders[i]}/`, skip: (noteId) => home.get(noteId) !== own }));
	}
	const kb = view.knowledgeBase;
	const manifest: KnowledgeBaseManifest = {
		format: 'commonplace-knowledge-base/1',
		id: kb.id,
		title: kb.title,
		description: kb.description,
		visibility: kb.visibility,
		notebooks: notebooks.map(({ notebook, notes }, i) => ({
			id: notebook.notebook.id,
			title: notebook.notebook.title,
			folder: folders[i],
			notes: notes.map((n) => n.view.note.id)
		}))
	};
	files[KNOWLEDGE_BASE_MANIFEST_PATH] = new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
	return files;
}

/** The knowledge base's Markdown export as one zip archive. */
export async function exportKnowledgeBaseMarkdown(db: Db, viewer: Viewer, kbId: string): Promise<Uint8Array> {
	return zipSync(await exportKnowledgeBaseFiles(db, viewer, kbId), { level: 6 });
}
