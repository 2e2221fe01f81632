import { eq } from 'drizzle-orm';
import { newId } from '../../domain/ids.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { nextRevisionNumber } from './queries.ts';

/**
 * Appends a revision with the note's current title, summary and body and points the note at it. Runs inside the
 * caller's transaction, after the note row was written and locked.
 */
export async function writeRevision(
	tx: Db,
	noteId: string,
	by: { editorId: string | null; message: string; baseRevisionId: string | null; at?: Date }
): Promise<string> {
	const [current] = await tx
		.select({ title: schema.note.title, summary: schema.note.summary, body: schema.note.body })
		.from(schema.note)
		.where(eq(schema.note.id, noteId));
	const id = newId();
	await tx.insert(schema.noteRevision).values({
		id,
		noteId,
		number: await nextRevisionNumber(tx, noteId),
		...current,
		editorId: by.editorId,
		message: by.message,
		baseRevisionId: by.baseRevisionId,
		createdAt: by.at ?? new Date()
	});
	await tx.update(schema.note).set({ currentRevisionId: id }).where(eq(schema.note.id, noteId));
	return id;
}
