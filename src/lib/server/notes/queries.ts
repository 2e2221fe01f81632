import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { NoteFacts } from '../../domain/visibility.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from './visibility-filter.ts';

const { note, noteAuthor, noteRevision, profile } = schema;

export type NoteRow = typeof note.$inferSelect;

/** What the visibility rule needs to know about a note: its row and its active authors. */
const factsOf = (row: NoteRow, authors: readonly { accountId: string }[]): NoteFacts => ({
	status: row.status,
	visibility: row.visibility,
	communityId: row.communityId,
	authorIds: authors.map((a) => a.accountId),
	deleted: row.deletedAt !== null
});

/** An author as a byline shows them: one note's list (listNoteAuthors) and many notes' lists alike. */
const authorColumns = {
	accountId: noteAuthor.accountId,
	handle: profile.handle,
	displayName: profile.displayName,
	position: noteAuthor.position,
	status: noteAuthor.status
};

/**
 * The note, its active authors in byline order, and what the visibility rule needs to know about it; undefined when
 * no such id exists. One round trip each, side by side.
 */
export async function findNoteWithFacts(db: Db, id: string) {
	const [[row], authors] = await Promise.all([db.select().from(note).where(eq(note.id, id)), listNoteAuthors(db, id)]);
	if (!row) return undefined;
	return { row, facts: factsOf(row, authors), authors };
}

/**
 * findNoteWithFacts for many ids at once (an import's planning): the notes that exist, by id. Two round trips
 * whatever the number of ids.
 */
export async function findNotesWithFacts(db: Db, ids: readonly string[]) {
	const out = new Map<string, NonNullable<Awaited<ReturnType<typeof findNoteWithFacts>>>>();
	if (!ids.length) return out;
	const [rows, authors] = await Promise.all([
		db
			.select()
			.from(note)
			.where(inArray(note.id, [...ids])),
		db
			.select({ noteId: noteAuthor.noteId, ...authorColumns })
			.from(noteAuthor)
			.innerJoin(profile, eq(profile.accountId, noteAuthor.accountId))
			.where(and(inArray(noteAuthor.noteId, [...ids]), eq(noteAuthor.status, 'active')))
			.orderBy(asc(noteAuthor.position))
	]);
	const byNote = new Map<string, Omit<(typeof authors)[number], 'noteId'>[]>();
	for (const { noteId, ...a } of authors) {
		const list = byNote.get(noteId);
		if (list) list.push(a);
		else byNote.set(noteId, [a]);
	}
	for (const row of rows) {
		const own = byNote.get(row.id) ?? [];
		out.set(row.id, { row, facts: factsOf(row, own), authors: own });
	}
	return out;
}

/** Authors in byline order (active ones by default; with 'invited', the invitations too, for the authors' panel). */
export const listNoteAuthors = (db: Db, noteId: string, statuses: readonly ('active' | 'invited')[] = ['active']) =>
	db
		.select(authorColumns)
		.from(noteAuthor)
		.innerJoin(profile, eq(profile.accountId, noteAuthor.accountId))
		.where(and(eq(noteAuthor.noteId, noteId), inArray(noteAuthor.status, [...statuses])))
		.orderBy(asc(noteAuthor.position));

export const listRevisions = (db: Db, noteId: string) =>
	db
		.select({
			id: noteRevision.id,
			number: noteRevision.number,
			title: noteRevision.title,
			message: noteRevision.message,
			createdAt: noteRevision.createdAt,
			editorHandle: profile.handle,
			editorName: profile.displayName
		})
		.from(noteRevision)
		.leftJoin(profile, eq(profile.accountId, noteRevision.editorId))
		.where(eq(noteRevision.noteId, noteId))
		.orderBy(desc(noteRevision.number));

export const findRevision = async (db: Db, noteId: string, revisionId: string) =>
	(
		await db
			.select()
			.from(noteRevision)
			.where(and(eq(noteRevision.noteId, noteId), eq(noteRevision.id, revisionId)))
	)[0];

export async function nextRevisionNumber(db: Db, noteId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`coalesce(max(${noteRevision.number}), 0)::int` })
		.from(noteRevision)
		.where(eq(noteRevision.noteId, noteId));
	return row.n + 1;
}

/**
 * The id of the note a URL segment names (see domain/note-ref.ts) among those the viewer may see, or undefined:
 * a hidden note must not answer `/n/{id}-slug` with a redirect where a missing one answers 404 (DESIGN §6).
 */
export async function resolveNoteSegment(db: Db, viewer: Viewer, candidates: string[]): Promise<string | undefined> {
	const rows = await db
		.select({ id: note.id })
		.from(note)
		.where(and(inArray(note.id, candidates), visibleNoteFilter(viewer)));
	// The longest match wins: a whole-segment id beats a prefix that happens to exist too.
	return rows.map((r) => r.id).sort((a, b) => b.length - a.length)[0];
}
