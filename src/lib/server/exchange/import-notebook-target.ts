import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import {
	addCategory,
	createNotebook,
	CreateNotebookInput,
	findNotebookWithFacts,
	getNotebook,
	includeNote,
	listNotebooks,
	setNoteCategory
} from '../notebooks/index.ts';
import type { ImportOptions, ImportReport } from './import-markdown.ts';
import type { NotebookManifest } from './notebook-manifest.ts';
import type { ParsedFile } from './parse-markdown-file.ts';

type Lists = { list: number; name: string; categories: { id: string; name: string }[] }[];

/** A note's notebook and its category in each list (null where it has none). */
export interface Placement {
	notebookId: string;
	categoryIds: (string | null)[];
}

/**
 * The notebook each imported note goes into: the one named by the options, else the export's manifest, else the
 * note's own `notebook` key (a notebook of that title the viewer manages, or a new private one). Notebooks are
 * found or started once per import and their categories cached.
 */
export class NotebookTarget {
	private readonly db: Db;
	private readonly viewer: Viewer;
	private readonly options: ImportOptions;
	private readonly manifest: NotebookManifest | null;
	private readonly report: Pick<ImportReport, 'notebooks'>;
	private readonly byTitle = new Map<string, Promise<string>>();
	private readonly lists = new Map<string, Promise<Lists>>();

	constructor(db: Db, viewer: Viewer, options: ImportOptions, manifest: NotebookManifest | null, report: Pick<ImportReport, 'notebooks'>) {
		this.db = db;
		this.viewer = viewer;
		this.options = options;
		this.manifest = manifest;
		this.report = report;
	}

	private async notebookOf(p: ParsedFile): Promise<string | null> {
		if (this.options.notebookId) return this.options.notebookId;
		const title = this.options.notebookTitle ?? this.manifest?.title ?? p.meta.notebook;
		if (!title) return null;
		let found = this.byTitle.get(title.toLowerCase());
		if (!found) this.byTitle.set(title.toLowerCase(), (found = this.findOrStart(title)));
		return found;
	}

	private async findOrStart(title: string): Promise<string> {
		const m = this.manifest && this.manifest.title === title && !this.options.notebookTitle ? this.manifest : null;
		if (this.viewer.kind !== 'account') throw new Error('Sign in to import notes');
		// The manifest's notebook again (re-import), if the viewer manages it; else one of theirs by title.
		if (m?.id) {
			const same = await findNotebookWithFacts(this.db, m.id);
			if (same && !same.facts.deleted && same.facts.managerIds.includes(this.viewer.id)) {
				this.report.notebooks.push({ id: m.id, title: same.row.title, created: false });
				return m.id;
			}
		}
		const mine = await listNotebooks(this.db, this.viewer, { memberId: this.viewer.id });
		const match = mine.find((n) => n.role === 'manager' && n.title.toLowerCase() === title.toLowerCase());
		if (match) {
			this.report.notebooks.push({ id: match.id, title: match.title, created: false });
			return match.id;
		}
		const idFree = m?.id ? !(await findNotebookWithFacts(this.db, m.id)) : false;
		const input = CreateNotebookInput.parse({
			title,
			description: m?.description ?? '',
			visibility: m && m.visibility !== 'community' ? m.visibility : 'private',
			categoryLists: m?.categoryLists ?? []
		});
		const { id } = await createNotebook(this.db, this.viewer, input, idFree && m?.id ? { id: m.id, createdAt: new Date() } : undefined);
		for (const c of m?.categories ?? []) await addCategory(this.db, this.viewer, id, c).catch(() => undefined);
		this.report.notebooks.push({ id, title, created: true });
		return id;
	}

	private async listsOf(notebookId: string, fresh = false): Promise<Lists> {
		let lists = this.lists.get(notebookId);
		if (!lists || fresh) {
			lists = getNotebook(this.db, this.viewer, notebookId).then((v) => v.lists);
			this.lists.set(notebookId, lists);
		}
		return lists;
	}

	/** The category ids the note's `category` key names, one per list, adding the missing ones (managers only). */
	private async categoryIds(notebookId: string, p: ParsedFile, warnings: string[]): Promise<(string | null)[]> {
		const names = p.meta.category ?? [];
		const out: (string | null)[] = [];
		for (const [list, name] of names.entries()) {
			if (!name) continue;
			const lists = await this.listsOf(notebookId);
			if (!lists[list] && list > 0) {
				warnings.push(`category ${name}: the notebook has no list ${list + 1}`);
				continue;
			}
			const hit = lists[list]?.categories.find((c) => c.name.toLowerCase() === name.toLowerCase());
			if (hit) {
				out[list] = hit.id;
				continue;
			}
			try {
				out[list] = (await addCategory(this.db, this.viewer, notebookId, { list, name })).id;
				await this.listsOf(notebookId, true);
			} catch {
				warnings.push(`category ${name}: only managers add categories`);
			}
		}
		return out;
	}

	/**
	 * Where the imported note goes: its notebook (found or started) and its category in each list (added if
	 * missing), or null; what cannot be done is a warning, as `notebook: …` or `category …`.
	 */
	async placement(p: ParsedFile): Promise<{ placement: Placement | null; warnings: string[] }> {
		const warnings: string[] = [];
		try {
			const notebookId = await this.notebookOf(p);
			if (!notebookId) return { placement: null, warnings };
			return { placement: { notebookId, categoryIds: await this.categoryIds(notebookId, p, warnings) }, warnings };
		} catch (e) {
			return { placement: null, warnings: [...warnings, `notebook: ${(e as Error).message}`] };
		}
	}

	/** Includes one imported note in its notebook (or places it again, if it is there already): the one-by-one path. */
	async include(noteId: string, { notebookId, categoryIds }: Placement): Promise<void> {
		const included = await includeNote(this.db, this.viewer, notebookId, {
			noteId,
			categoryIds: categoryIds.filter((c): c is string => !!c)
		}).then(
			() => true,
			(e: { code?: string; fields?: Record<string, string[]> }) => {
				if (e.fields?.noteId?.includes('note_already_included')) return false;
				throw e;
			}
		);
		if (!included)
			for (const [list, categoryId] of categoryIds.entries())
				if (categoryId) await setNoteCategory(this.db, this.viewer, notebookId, noteId, list, categoryId);
	}
}
