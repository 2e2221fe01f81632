import { ZodError } from 'zod';
import { DomainError, UnauthorizedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { canEditNote } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { NOTE_ID } from '../../domain/wiki-links.ts';
import { findCommunityBySlug } from '../communities/index.ts';
import type { Db } from '../db/index.ts';
import {
	createNote,
	CreateNoteInput,
	findLinkTargets,
	refreshNoteLinks,
	setNoteStatus,
	updateNote,
	UpdateNoteInput
} from '../notes/index.ts';
import { inviteCoAuthor } from '../notes/index.ts';
import { findNoteWithFacts } from '../notes/queries.ts';
import { findProfileByHandle } from '../profiles/index.ts';
import { NotebookTarget } from './import-notebook-target.ts';
import { MANIFEST_PATH, NotebookManifest } from './notebook-manifest.ts';
import { isSkipped, parseMarkdownFile, type ParsedFile, type SkippedFile } from './parse-markdown-file.ts';
import type { SourceFile } from './read-sources.ts';
import { resolveImportLinks } from './resolve-import-links.ts';

export interface ImportOptions {
	/** Include every note in this notebook (the viewer must contribute to it). */
	notebookId?: string;
	/** Include every note in the notebook of this title the viewer manages, started if there is none. */
	notebookTitle?: string;
	/** Called after each file, for a progress line. */
	onProgress?: (done: number, total: number) => void;
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

interface Planned extends ParsedFile {
	id: string;
	existing: { revisionId: string; status: 'draft' | 'published' } | null;
	communityId: string | null;
}

const reasonOf = (file: string, e: unknown): SkippedFile => {
	if (e instanceof ZodError) return { file, code: 'invalid', detail: e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
	if (e instanceof DomainError) {
		const fields = (e as { fields?: Record<string, string[]> }).fields ?? {};
		const codes = Object.entries(fields).map(([k, v]) => `${k}: ${v.join(', ')}`);
		return { file, code: e.status === 403 ? 'not_allowed' : 'invalid', detail: codes.join('; ') || e.message };
	}
	throw e;
};

/** Ids, existing notes and communities: what must hold before anything is written. */
async function plan(db: Db, viewer: Viewer, parsed: ParsedFile[], skipped: SkippedFile[]): Promise<Planned[]> {
	const seen = new Set<string>();
	const communities = new Map<string, string | null>();
	const out: Planned[] = [];
	for (const p of parsed) {
		const id = p.meta.id ?? newId();
		if (seen.has(id)) {
			skipped.push({ file: p.file, code: 'duplicate_id', detail: id });
			continue;
		}
		let existing: Planned['existing'] = null;
		if (p.meta.id) {
			const found = await findNoteWithFacts(db, id);
			// Someone else's note keeps its id: an import never overwrites what the viewer may not edit.
			if (found && (found.facts.deleted || !canEditNote(viewer, found.facts))) {
				skipped.push({ file: p.file, code: 'id_taken', detail: id });
				continue;
			}
			if (found) existing = { revisionId: found.row.currentRevisionId ?? '', status: found.row.status };
		}
		let communityId: string | null = null;
		if (p.meta.community) {
			const slug = p.meta.community.toLowerCase();
			if (!communities.has(slug)) communities.set(slug, (await findCommunityBySlug(db, slug))?.id ?? null);
			communityId = communities.get(slug) ?? null;
			if (!communityId) {
				skipped.push({ file: p.file, code: 'community_unknown', detail: p.meta.community });
				continue;
			}
		}
		seen.add(id);
		out.push({ ...p, id, existing, communityId });
	}
	return out;
}

function noteFields(p: Planned, body: string) {
	const m = p.meta;
	return {
		type: m.type,
		title: p.title,
		summary: m.summary,
		body,
		language: m.language,
		licence: m.licence ?? m.license,
		visibility: m.visibility ?? (p.communityId ? 'community' : undefined),
		communityId: p.communityId,
		termDefinition: m.definition,
		termSynonyms: m.synonyms,
		orgWebsite: m.website,
		orgRegion: m.region,
		orgSector: m.sector,
		orgAddress: m.address,
		orgContact: m.contact,
		message: 'Import'
	};
}

async function writeNote(db: Db, viewer: Viewer, p: Planned, body: string): Promise<'created' | 'updated'> {
	const status = p.meta.status ?? (p.existing ? p.existing.status : 'draft');
	if (p.existing) {
		const fields = Object.fromEntries(Object.entries(noteFields(p, body)).filter(([, v]) => v !== undefined));
		await updateNote(db, viewer, p.id, UpdateNoteInput.parse({ ...fields, baseRevisionId: p.existing.revisionId }));
		if (status !== p.existing.status) await setNoteStatus(db, viewer, p.id, status);
		return 'updated';
	}
	const now = new Date();
	const publishedAt = status === 'published' ? (p.meta.published ?? now) : null;
	const createdAt = p.meta.created ?? p.meta.published ?? now;
	await createNote(db, viewer, CreateNoteInput.parse(noteFields(p, body)), {
		id: p.id,
		createdAt,
		updatedAt: p.meta.updated ?? createdAt,
		publishedAt
	});
	return 'created';
}

/** Authors named by handle are invited as co-authors (they accept, as for any invitation); others are reported. */
async function creditAuthors(db: Db, viewer: Viewer, p: Planned, report: ImportReport) {
	if (viewer.kind !== 'account') return;
	for (const name of p.meta.authors ?? []) {
		const profile = await findProfileByHandle(db, name.replace(/^@/, ''));
		if (profile?.accountId === viewer.id) continue;
		if (!profile) {
			report.warnings.push({ file: p.file, detail: `author ${name}: no account has this handle` });
			continue;
		}
		const found = await findNoteWithFacts(db, p.id);
		if (found?.facts.authorIds.includes(profile.accountId)) continue;
		await inviteCoAuthor(db, viewer, p.id, profile.handle).catch(() => undefined);
	}
}

/**
 * Imports Markdown files (and a notebook manifest) as notes of the viewer, in two passes: ids and titles first, so
 * `[[wiki links]]` resolve across the import and to existing notes; then each note is written (a given id that the
 * viewer may edit gets a new revision), and included in its notebook. A bad file is reported and the rest imported.
 * Any signed-in account may import notes; including them needs the notebook's contribute (categories: manage) right.
 */
export async function importMarkdown(db: Db, viewer: Viewer, files: SourceFile[], options: ImportOptions = {}): Promise<ImportReport> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to import notes');
	const report: ImportReport = { created: [], updated: [], skipped: [], warnings: [], notebooks: [] };
	const manifestFile = files.find((f) => f.path === MANIFEST_PATH || f.path.endsWith(`/${MANIFEST_PATH}`));
	let manifest: NotebookManifest | null = null;
	if (manifestFile) {
		try {
			manifest = NotebookManifest.parse(JSON.parse(new TextDecoder().decode(manifestFile.bytes)));
		} catch (e) {
			report.skipped.push({ file: manifestFile.path, code: 'invalid', detail: e instanceof Error ? e.message.slice(0, 300) : String(e) });
		}
	}
	const parsed: ParsedFile[] = [];
	for (const f of files) {
		if (f === manifestFile) continue;
		const r = parseMarkdownFile(f.path, f.bytes);
		if (isSkipped(r)) report.skipped.push(r);
		else parsed.push(r);
	}
	const planned = await plan(db, viewer, parsed, report.skipped);
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
	const knownIds = new Set<string>(byId.keys());
	const target = new NotebookTarget(db, viewer, options, manifest, report);
	const written: string[] = [];
	let done = 0;
	for (const p of planned) {
		try {
			const outcome = await writeNote(db, viewer, p, resolveImportLinks(p.body, idsByTitle, importIds, knownIds));
			written.push(p.id);
			report[outcome].push({ file: p.file, id: p.id, title: p.title });
			await creditAuthors(db, viewer, p, report);
			await target.include(p);
		} catch (e) {
			report.skipped.push(reasonOf(p.file, e));
		}
		options.onProgress?.(++done, planned.length);
	}
	await refreshNoteLinks(db, written);
	return report;
}
