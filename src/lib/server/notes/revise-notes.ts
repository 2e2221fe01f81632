import { inArray, sql } from 'drizzle-orm';
import { EditConflictError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { slugify } from '../../domain/slugs.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { replaceLinksOfNotes } from './links.ts';
import type { UpdateNoteInput } from './schemas.ts';
import { insertRows, updateRows } from '../db/write-rows.ts';
// Straight from its file, not discussions' index: that one imports notes, and this file imports nothing of notes.
import { refreshNoteThreadTitles } from '../discussions/note-thread-title.ts';
import { findNotesWithFacts } from './queries.ts';

const { note, noteRevision } = schema;

/** An edit ready to write: the fields that change (a body with links resolved, and their ids) and its base. */
export interface NoteEdit {
	id: string;
	fields: Omit<UpdateNoteInput, 'baseRevisionId' | 'message'>;
	/** The body's linked ids, when the body changes. */
	linkedIds?: readonly string[];
	baseRevisionId: string;
	message: string;
	/** Publishes or unpublishes in the same write, as setNoteStatus does (an import's `status`). */
	status?: 'draft' | 'published';
}

/**
 * Saves edits of existing notes as new revisions inside the caller's transaction: updateNote saves one this way and
 * an import a chunk. The rows are locked first, so two saves from the same base cannot both pass; an edit whose base
 * is no longer the current revision throws EditConflictError (the caller's transaction then writes nothing). The
 * caller has checked who may edit and resolved the links; returns the new revision ids, in order.
 */
export async function reviseNotes(tx: Db, editorId: string | null, edits: readonly NoteEdit[]): Promise<string[]> {
	if (!edits.length) return [];
	const ids = edits.map((e) => e.id);
	// In id order, so two transactions locking overlapping sets cannot deadlock.
	const locked = await tx
		.select({
			id: note.id,
			current: note.currentRevisionId,
			title: note.title,
			summary: note.summary,
			body: note.body,
			publishedAt: note.publishedAt
		})
		.from(note)
		.where(inArray(note.id, ids))
		.orderBy(note.id)
		.for('update');
	const byId = new Map(locked.map((r) => [r.id, r]));
	for (const e of edits) {
		const row = byId.get(e.id);
		if (!row || row.current !== e.baseRevisionId) throw new EditConflictError('The note changed since this edit began', row?.current ?? '');
	}
	const numbers = await tx
		.select({ noteId: noteRevision.noteId, n: sql<number>`max(${noteRevision.number})::int` })
		.from(noteRevision)
		.where(inArray(noteRevision.noteId, ids))
		.groupBy(noteRevision.noteId);
	const last = new Map(numbers.map((r) => [r.noteId, r.n]));
	const now = new Date();
	const updates: Partial<typeof note.$inferInsert>[] = [];
	const revisions: (typeof noteRevision.$inferInsert)[] = [];
	for (const e of edits) {
		const row = byId.get(e.id)!;
		const revisionId = newId();
		const status = e.status ? { status: e.status, publishedAt: e.status === 'published' ? (row.publishedAt ?? now) : row.publishedAt } : {};
		updates.push({
			id: e.id,
			...e.fields,
			...(e.fields.title ? { slug: slugify(e.fields.title) } : {}),
			...status,
			updatedAt: now,
			currentRevisionId: revisionId
		});
		revisions.push({
			id: revisionId,
			noteId: e.id,
			number: (last.get(e.id) ?? 0) + 1,
			title: e.fields.title ?? row.title,
			summary: e.fields.summary ?? row.summary,
			body: e.fields.body ?? row.body,
			editorId,
			message: e.message,
			baseRevisionId: e.baseRevisionId,
			createdAt: now
		});
	}
	await updateRows(tx, note, 'id', updates);
	await insertRows(tx, noteRevision, revisions);
	const relinked = edits.filter((e) => e.linkedIds);
	if (relinked.length) await replaceLinksOfNotes(tx, new Map(relinked.map((e) => [e.id, e.linkedIds!])));
	// A thread about an edited note keeps its title only while all its readers may see the note (issue 6).
	await refreshNoteThreadTitles(
		tx,
		edits.map((e) => e.id),
		findNotesWithFacts
	);
	return revisions.map((r) => r.id);
}
