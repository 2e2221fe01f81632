import type { Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import { noteFor } from './note-access.ts';
import { presentAttachment } from './present.ts';
import { listNoteAttachments } from './queries.ts';
import type { AttachmentJson } from './schemas.ts';

/**
 * The files a note carries, oldest first. Anyone who may see the note may list them; NotFoundError otherwise, as for
 * a missing note.
 */
export async function listAttachments(ctx: Pick<Ctx, 'db' | 'config'>, viewer: Viewer, noteId: string): Promise<AttachmentJson[]> {
	await noteFor(ctx.db, viewer, noteId, 'view');
	return (await listNoteAttachments(ctx.db, noteId)).map((row) => presentAttachment(row, ctx.config.publicUrl));
}
