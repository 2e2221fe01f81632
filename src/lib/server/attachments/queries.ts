import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from '../notes/visibility-filter.ts';

const { attachment, note } = schema;

export type AttachmentRow = typeof attachment.$inferSelect;
export type NewAttachmentRow = typeof attachment.$inferInsert;

export const insertAttachment = async (db: Db, row: NewAttachmentRow): Promise<AttachmentRow> =>
	(await db.insert(attachment).values(row).returning())[0];

export const findAttachment = async (db: Db, id: string): Promise<AttachmentRow | undefined> =>
	(await db.select().from(attachment).where(eq(attachment.id, id)))[0];

/** A note's attachments, oldest first (the order they were added in). Visibility is the caller's. */
export const listNoteAttachments = (db: Db, noteId: string): Promise<AttachmentRow[]> =>
	db.select().from(attachment).where(eq(attachment.noteId, noteId)).orderBy(asc(attachment.createdAt), asc(attachment.id));

export const setAltText = async (db: Db, id: string, altText: string): Promise<AttachmentRow | undefined> =>
	(await db.update(attachment).set({ altText }).where(eq(attachment.id, id)).returning())[0];

export const deleteAttachmentRow = async (db: Db, id: string): Promise<AttachmentRow | undefined> =>
	(await db.delete(attachment).where(eq(attachment.id, id)).returning())[0];

/** Of these attachment ids, those on notes the viewer may see (one query, through the notes' visibility filter). */
export function findVisibleAttachments(db: Db, viewer: Viewer, ids: string[]) {
	if (ids.length === 0) return Promise.resolve([]);
	return db
		.select({
			id: attachment.id,
			kind: attachment.kind,
			filename: attachment.filename,
			mime: attachment.mime,
			size: attachment.size,
			altText: attachment.altText
		})
		.from(attachment)
		.innerJoin(note, eq(note.id, attachment.noteId))
		.where(and(inArray(attachment.id, ids), visibleNoteFilter(viewer)));
}
