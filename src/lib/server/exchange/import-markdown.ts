import { UnauthorizedError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { NOTE_ID } from '../../domain/wiki-links.ts';
import type { Db } from '../db/index.ts';
import { findLinkTargets, refreshNoteLinks } from '../notes/index.ts';
import { ImportAuthors } from './import-authors.ts';
import { NotebookTarget } from './import-notebook-target.ts';
import { planImport } from './import-plan.ts';
import { prepareChunk, reasonOf, writeChunk, writeOneByOne, type Prepared } from './import-write.ts';
import { MANIFEST_PATH, NotebookManifest } from './notebook-manifest.ts';
import { isSkipped, parseMarkdownFile, type ParsedFile, type SkippedFile } from './parse-markdown-file.ts';
import type { SourceFile } from './read-sources.ts';

export interface ImportOptions {
	/** Include every note in this notebook (the viewer must contribute to it). */
	notebookId?: string;
	/** Include every note in the notebook of this title the viewer manages, started if there is none. */
	notebookTitle?: string;
	/**
	 * Called as notes are written (after each chunk, or each note when written one by one), for a progress line;
	 * awaited, so what it does happens between two writes.
	 */
	onProgress?: (done: number, total: number) => void | Promise<void>;
	/**
	 * false writes every note one at a time through the ordinary use cases, the path a failed chunk falls back to;
	 * the tests compare both. Default: chunks of notes, one transaction each.
	 */
	batch?: boolean;
	/** Notes per transaction (tests make it small to cross chunks with a few files). */
	chunkSize?: number;
}

export interface ImportedNote {
	file: string;
	id: string;
	title: string;
}

export interface ImportReport {
	created: ImportedNote[];
	/** Notes whose id existed and that the viewer may edit: each got a new revision. */
	updated: ImportedNote[];
	skipped: SkippedFile[];
	/** Imported, with something left out (an unknown author, a category list the notebook lacks). */
	warnings: { file: string; detail: string }[];
	notebooks: { id: string; title: string; created: boolean }[];
}

/** How many notes one transaction writes: enough to pay for its round trips, few enough to redo one by one. */
const CHUNK = 250;

function readManifest(files: SourceFile[], report: ImportReport) {
	const file = files.find((f) => f.path === MANIFEST_PATH || f.path.endsWith(`/${MANIFEST_PATH}`));
	if (!file) return { file, manifest: null };
	try {
		return { file, manifest: NotebookManifest.parse(JSON.parse(new TextDecoder().decode(file.bytes))) };
	} catch (e) {
		report.skipped.push({ file: file.path, code: 'invalid', detail: e instanceof Error ? e.message.slice(0, 300) : String(e) });
		return { file, manifest: null };
	}
}

/**
 * Imports Markdown files (and a notebook manifest) as notes of the viewer, in two passes: ids and titles first, so
 * `[[wiki links]]` resolve across the import and to existing notes; then the notes are written, a chunk per
 * transaction (a given id that the viewer may edit gets a new revision), and included in their notebook. Every file
 * is checked before its chunk is written: a bad file is reported with the reason and the rest imported.
 * Any signed-in account may import notes; including them needs the notebook's contribute (categories: manage) right.
 */
export async function importMarkdown(db: Db, viewer: Viewer, files: SourceFile[], options: ImportOptions = {}): Promise<ImportReport> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to import notes');
	const report: ImportReport = { created: [], updated: [], skipped: [], warnings: [], notebooks: [] };

	const { file: manifestFile, manifest } = readManifest(files, report);
	const parsed: ParsedFile[] = [];
	for (const f of files) {
		if (f === manifestFile) continue;
		const r = parseMarkdownFile(f.path, f.bytes);
		if (isSkipped(r)) report.skipped.push(r);
		else parsed.push(r);
	}
	const planned = await planImport(db, viewer, parsed, report.skipped);
	const idsByTitle = new Map<string, string>();
	for (const p of planned) if (!idsByTitle.has(p.title.toLowerCase())) idsByTitle.set(p.title.toLowerCase(), p.id);
	const importIds = new Set(planned.map((p) => p.id));
	// `[[ID|label]]` naming an existing note (outside the import) resolves if the viewer may see it.
	const idLike = [...new Set(planned.flatMap((p) => [...p.body.matchAll(/\[\[([A-Za-z0-9_-]{16,27})[\]|\\]/g)].map((m) => m[1])))];
	const known = idLike.filter((id) => NOTE_ID.test(id) && !importIds.has(id));
	const { byId } = await findLinkTargets(
		db,
		viewer,
		known.map((id) => ({ kind: 'id' as const, id }))
	);
	const links = { idsByTitle, importIds, knownIds: new Set<string>(byId.keys()) };
	const target = new NotebookTarget(db, viewer, options, manifest, report);
	const authors = new ImportAuthors(db, viewer);
	const written = new Set<string>();
	// Notes written before a note of the import they link to (in a later chunk, or later one by one): their link to
	// it could not be recorded then (note_link needs both notes), so it is once every note is written.
	const stale: string[] = [];
	let reported = 0;
	const progress = async (done: number) => {
		if (done > reported) await options.onProgress?.((reported = done), planned.length);
	};
	const record = (notes: Prepared[]) => {
		for (const p of notes) written.add(p.id);
		for (const p of notes) {
			report[p.create ? 'created' : 'updated'].push({ file: p.file, id: p.id, title: p.title });
			for (const detail of p.warnings) report.warnings.push({ file: p.file, detail });
			if (p.importLinks.some((id) => !written.has(id))) stale.push(p.id);
		}
	};
	const size = Math.max(1, options.chunkSize ?? CHUNK);
	for (let start = 0; start < planned.length; start += size) {
		const chunk = await prepareChunk(db, viewer, planned.slice(start, start + size), { links, authors, target, skipped: report.skipped });
		// A chunk that fails after the checks (a save meanwhile, a category deleted meanwhile) wrote nothing: it is
		// written again one note at a time, which names the file at fault and imports the others.
		const batched =
			options.batch !== false &&
			chunk.length > 0 &&
			(await writeChunk(db, viewer, chunk).then(
				() => true,
				() => false
			));
		if (batched) record(chunk);
		else
			for (const [i, p] of chunk.entries()) {
				try {
					await writeOneByOne(db, viewer, p, target);
					record([p]);
				} catch (e) {
					report.skipped.push(reasonOf(p.file, e, options.batch === false ? 'throw' : 'report'));
				} finally {
					await progress(start + i + 1);
				}
			}
		await progress(Math.min(start + size, planned.length));
	}
	await refreshNoteLinks(db, stale);
	return report;
}
