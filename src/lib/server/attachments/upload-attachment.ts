import { ATTACHMENT_MAX_BYTES, formatFileSize } from '../../domain/attachments.ts';
import { PayloadTooLargeError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import { deleteFile, putFile } from '../storage/index.ts';
import { inspectUpload } from './inspect-upload.ts';
import { noteFor } from './note-access.ts';
import { presentAttachment } from './present.ts';
import { insertAttachment } from './queries.ts';
import { AltText, type AttachmentJson } from './schemas.ts';

export interface UploadInput {
	/** The file: a File or Blob from a form, or bytes already read (an API body). */
	file: Blob | Uint8Array;
	/** Defaults to the File's own name. */
	filename?: string;
	altText?: string;
}

/** The refusal for a file over the limit, with both sizes in the message (in bytes when they would round alike). */
export function tooLarge(size: number | null): PayloadTooLargeError {
	let sizes = [size, ATTACHMENT_MAX_BYTES].map((n) => (n === null ? null : formatFileSize(n, 'en')));
	if (sizes[0] === sizes[1]) sizes = [`${size} bytes`, `${ATTACHMENT_MAX_BYTES} bytes`];
	const what = size === null ? 'The file' : `The file (${sizes[0]})`;
	return new PayloadTooLargeError(
		`${what} is over the limit of ${sizes[1]}`,
		{ maxBytes: ATTACHMENT_MAX_BYTES, size },
		{ file: ['file_too_large'] }
	);
}

/**
 * Attaches a file to a note. Only those who may edit the note (its authors, admins) may; the type is read from the
 * bytes (pictures, PDF, office documents, audio, video), pictures lose their metadata, the name gets the extension of
 * the real type. Returns the attachment with its URL and the Markdown to insert into the body.
 * Throws UnauthorizedError (anonymous), NotFoundError (note missing or hidden), ForbiddenError (sees it, not an
 * author), PayloadTooLargeError (over ATTACHMENT_MAX_BYTES, before reading the bytes), UnsupportedMediaError
 * (fields.file: file_type_refused), ValidationError (fields.file: file_empty | file_unreadable | file_missing,
 * fields.alt: alt_text_too_long).
 */
export async function uploadAttachment(
	ctx: Pick<Ctx, 'db' | 'config'>,
	viewer: Viewer,
	noteId: string,
	input: UploadInput
): Promise<AttachmentJson> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in first');
	await noteFor(ctx.db, viewer, noteId, 'edit');
	const alt = AltText.safeParse(input.altText ?? '');
	if (!alt.success) throw new ValidationError('The alt text is too long', { alt: ['alt_text_too_long'] });
	const size = input.file instanceof Uint8Array ? input.file.length : input.file.size;
	if (size > ATTACHMENT_MAX_BYTES) throw tooLarge(size);
	const given = input.filename ?? (typeof File !== 'undefined' && input.file instanceof File ? input.file.name : '');
	if (!given.trim()) throw new ValidationError('The file has no name', { file: ['file_missing'] });
	const bytes = input.file instanceof Uint8Array ? input.file : new Uint8Array(await input.file.arrayBuffer());
	const file = await inspectUpload(bytes, given);

	const id = newId();
	const storageKey = newId();
	await putFile(ctx.config.dataDir, 'attachments', storageKey, file.bytes);
	try {
		const row = await insertAttachment(ctx.db, {
			id,
			noteId,
			kind: file.kind,
			filename: file.filename,
			mime: file.mime,
			size: file.bytes.length,
			storageKey,
			altText: alt.data,
			uploadedBy: viewer.id
		});
		return presentAttachment(row, ctx.config.publicUrl);
	} catch (e) {
		// No row, no file: an orphan on disk would never be found again.
		await deleteFile(ctx.config.dataDir, 'attachments', storageKey);
		throw e;
	}
}
