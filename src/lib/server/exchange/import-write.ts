// Writing an import's notes: each file is checked first (prepareNote: the rules createNote and updateNote apply),
// then a chunk of them is written in one transaction with a few multi-row statements (writeChunk). Should the chunk
// fail anyway (a conflicting save meanwhile, a category deleted meanwhile), writeOneByOne writes its notes through
// the ordinary use cases, one at a time, so the file at fault is named and the others are imported.
import { ZodError } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { assertCanContribute, includeNotes } from '../notebooks/index.ts';
import {
	checkCommunity,
	createNote,
	CreateNoteInput,
	insertNotes,
	inviteCoAuthor,
	inviteCoAuthors,
	linkBodies,
	linkedIdsOf,
	reviseNotes,
	setNoteStatus,
	updateNote,
	UpdateNoteInput
} from '../notes/index.ts';
import type { Credits, ImportAuthors } from './import-authors.ts';
import type { NotebookTarget, Placement } from './import-notebook-target.ts';
import type { Planned } from './import-plan.ts';
import type { SkippedFile } from './parse-markdown-file.ts';
import { resolveImportLinks } from './resolve-import-links.ts';

/** A file checked and ready to write. */
export interface Prepared {
	file: string;
	id: string;
	title: string;
	/** The body with the import's links resolved; linkBody resolves the rest at write time. */
	body: string;
	/** The notes of the import it links to. */
	importLinks: string[];
	create?: { input: CreateNoteInput; imported: { id: string; createdAt: Date; updatedAt: Date; publishedAt: Date | null } };
	update?: { input: UpdateNoteInput; status?: 'draft' | 'published' };
	invitees: Credits['invitees'];
	placement: Placement | null;
	/** What was left out of this note, reported once it is written. */
	warnings: string[];
}

/**
 * Why a file was not imported, from a validation or domain error; anything else is rethrown, unless `unexpected`
 * says to report it too (writing one by one after a chunk failed: the file at fault must be named).
 */
export const reasonOf = (file: string, e: unknown, unexpected: 'throw' | 'report' = 'throw'): SkippedFile => {
	if (e instanceof ZodError) return { file, code: 'invalid', detail: e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
	if (e instanceof DomainError) {
		const fields = (e as { fields?: Record<string, string[]> }).fields ?? {};
		const codes = Object.entries(fields).map(([k, v]) => `${k}: ${v.join(', ')}`);
		return { file, code: e.status === 403 ? 'not_allowed' : 'invalid', detail: codes.join('; ') || e.message };
	}
	if (unexpected === 'report')
		return { file, code: 'invalid', detail: `not written: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}` };
	throw e;
};

function noteFields(p: Planned, body: string, credits: Credits) {
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
		externalAuthors: credits.externalAuthors,
		message: 'Import'
	};
}

/**
 * Checks one file as createNote or updateNote would (Zod, the community rule) and decides its dates and status.
 * Throws the same errors they would; writes nothing.
 */
export function prepareNote(
	viewer: Viewer,
	p: Planned,
	body: string,
	credits: Credits
): Omit<Prepared, 'importLinks' | 'placement' | 'warnings'> {
	const status = p.meta.status ?? (p.existing ? p.existing.status : 'draft');
	const base = { file: p.file, id: p.id, title: p.title, body, invitees: credits.invitees };
	if (p.existing) {
		// Only the keys the file has change; an absent `authors` keeps the names the note credits.
		const fields = Object.fromEntries(Object.entries(noteFields(p, body, credits)).filter(([, v]) => v !== undefined));
		const input = UpdateNoteInput.parse({ ...fields, baseRevisionId: p.existing.revisionId });
		checkCommunity(
			viewer,
			input.visibility ?? p.existing.visibility,
			input.communityId === undefined ? p.existing.communityId : input.communityId
		);
		return { ...base, update: { input, status: status !== p.existing.status ? status : undefined } };
	}
	const input = CreateNoteInput.parse({ ...noteFields(p, body, credits), externalAuthors: credits.externalAuthors ?? [] });
	checkCommunity(viewer, input.visibility, input.communityId);
	const now = new Date();
	const publishedAt = status === 'published' ? (p.meta.published ?? now) : null;
	const createdAt = p.meta.created ?? p.meta.published ?? now;
	return { ...base, create: { input, imported: { id: p.id, createdAt, updatedAt: p.meta.updated ?? createdAt, publishedAt } } };
}

export interface ChunkContext {
	links: { idsByTitle: ReadonlyMap<string, string>; importIds: ReadonlySet<string>; knownIds: ReadonlySet<string> };
	authors: ImportAuthors;
	target: NotebookTarget;
	skipped: SkippedFile[];
}

/**
 * Checks the files of a chunk before any is written: links among the import resolved, authors told apart, the rules
 * of createNote/updateNote applied (a file that breaks one is skipped with the reason), the notebook and categories
 * of each note found or made, and the right to add notes to each notebook checked once.
 */
export async function prepareChunk(db: Db, viewer: Viewer, planned: readonly Planned[], ctx: ChunkContext): Promise<Prepared[]> {
	const out: Prepared[] = [];
	for (const p of planned) {
		const body = resolveImportLinks(p.body, ctx.links.idsByTitle, ctx.links.importIds, ctx.links.knownIds);
		const credits = await ctx.authors.creditsOf(p.meta.authors, p.existing?.externalAuthors);
		let prepared;
		try {
			prepared = prepareNote(viewer, p, body, credits);
		} catch (e) {
			ctx.skipped.push(reasonOf(p.file, e));
			continue;
		}
		const { placement, warnings } = await ctx.target.placement(p);
		const importLinks = linkedIdsOf(body).filter((id) => ctx.links.importIds.has(id));
		out.push({ ...prepared, importLinks, placement, warnings: [...credits.warnings, ...warnings] });
	}
	// includeNote's check, once per notebook rather than once per note; a refusal is a warning, the note is imported.
	for (const notebookId of new Set(out.flatMap((p) => (p.placement ? [p.placement.notebookId] : [])))) {
		const refused = await assertCanContribute(db, viewer, notebookId).then(
			() => null,
			(e: Error) => e.message
		);
		if (refused === null) continue;
		for (const p of out)
			if (p.placement?.notebookId === notebookId) {
				p.placement = null;
				p.warnings.push(`notebook: ${refused}`);
			}
	}
	return out;
}

/**
 * Writes a chunk of prepared notes in one transaction: notes, revisions, authors, invitations, links and
 * inclusions, a few statements each. Throws (and writes nothing) if any of it fails, e.g. EditConflictError when a
 * note was saved since the import planned it.
 */
export async function writeChunk(db: Db, viewer: Viewer & { kind: 'account' }, chunk: readonly Prepared[]): Promise<void> {
	const linked = await linkBodies(
		db,
		viewer,
		chunk.map((p) => p.body)
	);
	const creates = chunk.flatMap((p, i) => {
		if (!p.create) return [];
		const { message, ...fields } = p.create.input;
		return [
			{ id: p.id, fields: { ...fields, body: linked[i].body }, linkedIds: linked[i].linkedIds, message, imported: p.create.imported }
		];
	});
	const edits = chunk.flatMap((p, i) => {
		if (!p.update) return [];
		const { baseRevisionId, message, ...fields } = p.update.input;
		return [
			{
				id: p.id,
				fields: { ...fields, body: linked[i].body },
				linkedIds: linked[i].linkedIds,
				baseRevisionId,
				message,
				status: p.update.status
			}
		];
	});
	const byNotebook = new Map<string, { noteId: string; placement: Placement }[]>();
	for (const p of chunk) {
		if (!p.placement) continue;
		const items = byNotebook.get(p.placement.notebookId) ?? [];
		items.push({ noteId: p.id, placement: p.placement });
		byNotebook.set(p.placement.notebookId, items);
	}
	await db.transaction(async (tx) => {
		await insertNotes(tx, viewer.id, creates);
		await reviseNotes(tx, viewer.id, edits);
		await inviteCoAuthors(tx, viewer.id, new Map(chunk.map((p) => [p.id, p.invitees.map((i) => i.accountId)])));
		for (const [notebookId, items] of byNotebook) await includeNotes(tx, viewer.id, notebookId, items);
	});
}

/**
 * Writes one prepared note through the ordinary use cases: createNote or updateNote (and setNoteStatus),
 * inviteCoAuthor, includeNote. Throws what they throw for the note itself; a refused inclusion is a warning.
 */
export async function writeOneByOne(db: Db, viewer: Viewer, p: Prepared, target: NotebookTarget): Promise<void> {
	if (p.create) await createNote(db, viewer, p.create.input, p.create.imported);
	else if (p.update) {
		await updateNote(db, viewer, p.id, p.update.input);
		if (p.update.status) await setNoteStatus(db, viewer, p.id, p.update.status);
	}
	// Already an author or invited: nothing to do, as for a person inviting twice.
	for (const invitee of p.invitees) await inviteCoAuthor(db, viewer, p.id, invitee.handle).catch(() => undefined);
	if (!p.placement) return;
	try {
		await target.include(p.id, p.placement);
	} catch (e) {
		p.warnings.push(`notebook: ${(e as Error).message}`);
	}
}
