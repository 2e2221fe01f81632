import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { extractWikiLinks, rewriteWikiLinks, type WikiLink, type WikiLinkTarget } from '../../domain/wiki-links.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from './visibility-filter.ts';
import { insertRows } from '../db/write-rows.ts';

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
	return (await linkBodies(db, viewer, [body]))[0];
}

/**
 * linkBody for many bodies at once (an import's chunk): one lookup for all their targets. A title resolves the
 * same way whatever else is looked up with it (the oldest visible note of that title), so each result is what
 * linkBody gives for that body alone.
 */
export async function linkBodies(db: Db, viewer: Viewer, bodies: readonly string[]): Promise<{ body: string; linkedIds: string[] }[]> {
	// Most bodies of an import link nowhere, or only by id: no title to look up, no rewrite, one parse.
	const links = bodies.map((body) => (body.includes('[[') ? extractWikiLinks(body) : []));
	const { byTitle } = await findLinkTargets(
		db,
		viewer,
		links.flatMap((l) => l.map((link) => link.target))
	);
	return bodies.map((body, i) => {
		const idsByTitle = new Map(
			links[i].flatMap((l) =>
				l.target.kind === 'title' && byTitle.has(l.target.title.toLowerCase())
					? [[l.target.title, byTitle.get(l.target.title.toLowerCase())!.id]]
					: []
			)
		);
		if (!idsByTitle.size) return { body, linkedIds: idsOf(links[i]) };
		const linked = rewriteWikiLinks(body, idsByTitle);
		return { body: linked, linkedIds: linkedIdsOf(linked) };
	});
}

const idsOf = (links: readonly WikiLink[]) => [...new Set(links.flatMap((l) => (l.target.kind === 'id' ? [l.target.id] : [])))];

/** The ids a stored body links to (its `[[id:…]]` links), each once. */
export const linkedIdsOf = (body: string): string[] => (body.includes('[[') ? idsOf(extractWikiLinks(body)) : []);

/** Replaces the note's outgoing links (derived from its body at each save). Ids of missing notes are skipped. */
export async function replaceNoteLinks(tx: Db, noteId: string, linkedIds: string[]) {
	await replaceLinksOfNotes(tx, new Map([[noteId, linkedIds]]));
}

/**
 * replaceNoteLinks for many notes at once: one delete, one lookup of the targets that exist and one insert per
 * thousand notes, whatever the number of links.
 */
export async function replaceLinksOfNotes(tx: Db, linkedIdsByNote: ReadonlyMap<string, readonly string[]>) {
	const entries = [...linkedIdsByNote];
	for (let i = 0; i < entries.length; i += 1000) {
		const part = entries.slice(i, i + 1000);
		await tx.delete(noteLink).where(
			inArray(
				noteLink.fromNoteId,
				part.map(([id]) => id)
			)
		);
		const wanted = part.flatMap(([from, ids]) => ids.filter((to) => to !== from).map((to) => ({ fromNoteId: from, toNoteId: to })));
		if (!wanted.length) continue;
		const targets = [...new Set(wanted.map((w) => w.toNoteId))];
		const existing = new Set<string>();
		for (let j = 0; j < targets.length; j += 5000) {
			const rows = await tx
				.select({ id: note.id })
				.from(note)
				.where(inArray(note.id, targets.slice(j, j + 5000)));
			for (const r of rows) existing.add(r.id);
		}
		await insertRows(
			tx,
			noteLink,
			wanted.filter((w) => existing.has(w.toNoteId))
		);
	}
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
