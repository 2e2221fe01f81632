// Files carried by messages. They are checked and stored exactly like a note's attachments (the type read from the
// bytes, pictures re-encoded without their metadata) and served at the same /files/{id}/{name} address, through the
// message's thread: whoever may not read the message gets the same 404 as for a file that never existed.
import { eq, sql, type SQL } from 'drizzle-orm';
import { ATTACHMENT_MAX_BYTES } from '../../domain/attachments.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { canReadThread, seesOnlyAsAdmin } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { logAdminView } from '../admin/index.ts';
import { AltText, tooLarge } from '../attachments/index.ts';
import { inspectUpload } from '../attachments/inspect-upload.ts';
import type { Ctx } from '../context.ts';
import { schema, type Db } from '../db/index.ts';
import { deleteFile, openFile, putFile, type StoredFile } from '../storage/index.ts';
import { threadAccess } from './access.ts';

const { message, messageAttachment } = schema;

/** At most this many files per message; together they stay under the size limit of one upload. */
export const MESSAGE_FILES_MAX = 10;

/** A file from a form (its own name), or bytes with a name (a script, a test). */
export type MessageUpload = Blob | { file: Blob | Uint8Array; filename: string };
type Named = { file: Blob | Uint8Array; filename: string };

/** A file checked and stored, waiting for its message's row. */
export type PreparedFile = Omit<typeof messageAttachment.$inferInsert, 'messageId' | 'createdAt'> & {
	kind: 'image' | 'document' | 'audio' | 'video';
};

/** What a message shows of a file: the renderer's facts and where it is served. */
export type MessageFile = { id: string; kind: PreparedFile['kind']; filename: string; mime: string; size: number; altText: string };

const isBlob = (f: Blob | Uint8Array): f is Blob => !(f instanceof Uint8Array);
const sizeOf = (f: Blob | Uint8Array) => (isBlob(f) ? f.size : f.length);
const named = (u: MessageUpload): Named => (u instanceof Blob ? { file: u, filename: 'name' in u ? String(u.name) : '' } : u);

/** A file field left empty by a browser arrives as a nameless, empty part: it is no file. */
const chosenFiles = (uploads: MessageUpload[]): Named[] => uploads.map(named).filter((u) => sizeOf(u.file) > 0 || u.filename.trim() !== '');

/**
 * Checks and stores the files of a message to come. Refuses more than MESSAGE_FILES_MAX files (ValidationError
 * fields.file: message_files_too_many), more than ATTACHMENT_MAX_BYTES in all (PayloadTooLargeError), and any file
 * a note would refuse (attachments/inspect-upload.ts). `altText` describes the pictures. Nothing stays stored when
 * one file is refused.
 */
export async function prepareMessageFiles(ctx: Pick<Ctx, 'config'>, uploads: MessageUpload[], altText = ''): Promise<PreparedFile[]> {
	const chosen = chosenFiles(uploads);
	if (!chosen.length) return [];
	if (chosen.length > MESSAGE_FILES_MAX)
		throw new ValidationError(`At most ${MESSAGE_FILES_MAX} files per message`, { file: ['message_files_too_many'] });
	const total = chosen.reduce((sum, u) => sum + sizeOf(u.file), 0);
	if (total > ATTACHMENT_MAX_BYTES) throw tooLarge(total);
	const alt = AltText.safeParse(altText);
	if (!alt.success) throw new ValidationError('The description is too long', { alt: ['alt_text_too_long'] });
	const prepared: PreparedFile[] = [];
	try {
		for (const upload of chosen) {
			const given = upload.filename;
			if (!given.trim()) throw new ValidationError('A file has no name', { file: ['file_missing'] });
			const bytes = isBlob(upload.file) ? new Uint8Array(await upload.file.arrayBuffer()) : upload.file;
			const file = await inspectUpload(bytes, given);
			const storageKey = newId();
			await putFile(ctx.config.dataDir, 'attachments', storageKey, file.bytes);
			prepared.push({
				id: newId(),
				kind: file.kind,
				filename: file.filename,
				mime: file.mime,
				size: file.bytes.length,
				storageKey,
				// A picture left undescribed is named by its file rather than passed over in silence.
				altText: file.kind === 'image' ? alt.data || file.filename.replace(/\.[^.]+$/, '') : ''
			});
		}
	} catch (e) {
		await discardFiles(ctx, prepared);
		throw e;
	}
	return prepared;
}

/** Removes stored files whose message was never written (or is gone). */
export async function discardFiles(ctx: Pick<Ctx, 'config'>, files: { storageKey: string }[]): Promise<void> {
	await Promise.all(files.map((f) => deleteFile(ctx.config.dataDir, 'attachments', f.storageKey)));
}

/**
 * Stores the uploads, then runs `write` (which writes the message and its files' rows in its transaction): a
 * refused or failed write leaves no file behind.
 */
export async function withMessageFiles<T>(
	ctx: Pick<Ctx, 'config'>,
	uploads: MessageUpload[],
	altText: string,
	write: (files: PreparedFile[]) => Promise<T>
): Promise<T> {
	const files = await prepareMessageFiles(ctx, uploads, altText);
	try {
		return await write(files);
	} catch (e) {
		await discardFiles(ctx, files);
		throw e;
	}
}

/** The rows of a new message's files, inside its transaction. */
export async function insertMessageFiles(tx: Db, messageId: string, files: PreparedFile[]): Promise<void> {
	// A millisecond apart, so they keep the order they were chosen in.
	const at = Date.now();
	if (files.length) await tx.insert(messageAttachment).values(files.map((f, i) => ({ ...f, messageId, createdAt: new Date(at + i) })));
}

/** A message's files as a JSON array column, for the query that reads its message (`messageId`: its id column). */
export const filesColumn = (messageId: SQL | typeof message.id) =>
	sql<MessageFile[]>`coalesce((select json_agg(json_build_object('id', f.id, 'kind', f.kind, 'filename', f.filename,
		'mime', f.mime, 'size', f.size, 'altText', f.alt_text) order by f.created_at, f.id)
		from ${messageAttachment} f where f.message_id = ${messageId}), '[]')`;

/** Deletes the rows of a message's files inside the caller's transaction; answers what to remove from storage. */
export async function deleteMessageFileRows(tx: Db, messageId: string): Promise<{ storageKey: string }[]> {
	return tx
		.delete(messageAttachment)
		.where(eq(messageAttachment.messageId, messageId))
		.returning({ storageKey: messageAttachment.storageKey });
}

export type OpenedMessageFile = { file: StoredFile; id: string; filename: string; mime: string; isPublic: boolean };

/**
 * A message's file to download, for whoever may read the message: its thread readable, the message not deleted, and
 * not hidden unless the viewer moderates the thread. NotFoundError otherwise, and for an unknown id.
 */
export async function openMessageFile(ctx: Pick<Ctx, 'db' | 'config'>, viewer: Viewer, id: string): Promise<OpenedMessageFile> {
	const [row] = await ctx.db
		.select({ file: messageAttachment, threadId: message.threadId, deletedAt: message.deletedAt, hiddenAt: message.hiddenAt })
		.from(messageAttachment)
		.innerJoin(message, eq(message.id, messageAttachment.messageId))
		.where(eq(messageAttachment.id, id));
	if (!row || row.deletedAt) throw new NotFoundError('No such file');
	const access = await threadAccess(ctx.db, viewer, row.threadId);
	if (row.hiddenAt && !access.canModerate) throw new NotFoundError('No such file');
	if (seesOnlyAsAdmin(viewer, (v) => canReadThread(v, access.places))) await logAdminView(ctx.db, viewer, 'thread', row.threadId);
	const file = await openFile(ctx.config.dataDir, 'attachments', row.file.storageKey);
	if (!file) throw new NotFoundError('No such file');
	const { filename, mime } = row.file;
	return { file, id, filename, mime, isPublic: !row.hiddenAt && canReadThread(anonymous, access.places) };
}
