import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { extractWikiLinks, rewriteWikiLinks, type WikiLinkTarget } from '../../domain/wiki-links.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from './visibility-filter.ts';

const { note, noteLink } = schema;

/** The notes a set of wiki-link targets names, among those the viewer may see, by id and by lower-cased title. */
export async function findLinkTargets(db: Db, viewer: Viewer, targets: WikiLinkTarget[]) {
	const ids = [...new Set(targets.flatMap((t) => (t.kind === 'id' ? [t.id] : [])))];
	const titles = [...new Set(targets.flatMap((t) => (t.kind === 'title' ? [t.title.toLowerCase()] : [])))];
	if (ids.length === 0 && titles.length === 0) return { byId: new Map(), byTitle: new Map() };
	const rows = await db
		.select({ id: note.id, title: note.title })
		.from(note)
		.where(
			and(
				visibleNoteFilter(viewer),
				sql`(${ids.length ? inArray(note.id, ids) : sql`false`} or ${titles.length ? inArray(sql`lower(${note.title})`, titles) : sql`false`})`
			)
		)
		.orderBy(asc(note.createdAt));
	const byId = new Map(rows.map((r) => [r.id, r]));
	const byTitle = new Map<string, { id: string; title: string }>();
	// Two notes may share a title: the older one keeps the link, as it did before the newer one existed.
	for (const r of rows) if (!byTitle.has(r.title.toLowerCase())) byTitle.set(r.title.toLowerCase(), r);
	return { byId, byTitle };
}

/**
 * At save time: `[[Title]]` links to notes the editor may see become `[[id:…|Title]]`, so renaming the target
 * keeps the link; returns the body to store and the ids it links to.
 */
export async function linkBody(db: Db, viewer: Viewer, body: string): Promise<{ body: string; linkedIds: string[] }> {
	const links = extractWikiLinks(body);
	const { byTitle } = await findLinkTargets(
		db,
		viewer,
		links.map((l) => l.target)
	);
	const idsByTitle = new Map(
		links.flatMap((l) =>
			l.target.kind === 'title' && byTitle.has(l.target.title.toLowerCase())
				? [[l.target.title, byTitle.get(l.target.title.toLowerCase())!.id]]
				: []
		)
	);
	const linked = rewriteWikiLinks(body, idsByTitle);
	const linkedIds = [...new Set(extractWikiLinks(linked).flatMap((l) => (l.target.kind === 'id' ? [l.target.id] : [])))];
	return { body: linked, linkedIds };
}

/** Replaces the note's outgoing links (derived from its body at each save). Ids of missing notes are skipped. */
export async function replaceNoteLinks(tx: Db, noteId: string, linkedIds: string[]) {
	await tx.delete(noteLink).where(eq(noteLink.fromNoteId, noteId));
	const targets = linkedIds.filter((id) => id !== noteId);
	if (targets.length === 0) return;
	const existing = await tx.select({ id: note.id }).from(note).where(inArray(note.id, targets));
	if (existing.length) await tx.insert(noteLink).values(existing.map((e) => ({ fromNoteId: noteId, toNoteId: e.id })));
}

/** Notes this note links to, that the viewer may see. */
export const listLinkedNotes = (db: Db, viewer: Viewer, noteId: string) =>
	db
		.select({ id: note.id, title: note.title, type: note.type })
		.from(noteLink)
		.innerJoin(note, eq(note.id, noteLink.toNoteId))
		.where(and(eq(noteLink.fromNoteId, noteId), visibleNoteFilter(viewer)))
		.orderBy(asc(note.title));

/** Notes that link to this one (backlinks), that the viewer may see. */
export const listBacklinks = (db: Db, viewer: Viewer, noteId: string) =>
	db
		.select({ id: note.id, title: note.title, type: note.type })
		.from(noteLink)
		.innerJoin(note, eq(note.id, noteLink.fromNoteId))
		.where(and(eq(noteLink.toNoteId, noteId), visibleNoteFilter(viewer)))
		.orderBy(asc(note.title));
