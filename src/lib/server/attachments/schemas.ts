import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../domain/attachments.ts';

// Messages are catalogue keys (form_error_<code>), as in the other capabilities' schemas.

/** What a screen reader says instead of the picture; empty for a decorative one. */
export const AltText = z
	.string()
	.transform((s) => s.replace(/\s+/g, ' ').trim())
	.pipe(z.string().max(500, 'alt_text_too_long'))
	.describe('Text alternative of an image, read aloud instead of it (at most 500 characters; empty for a decorative image)');

/** The file's name as the person gave it; the stored name is cleaned and gets the extension of the real type. */
export const Filename = z
	.string({ error: 'file_missing' })
	.trim()
	.min(1, 'file_missing')
	.max(255, 'filename_too_long')
	.describe('File name; the stored name keeps it, cleaned, with the extension of the type found in the bytes');

/** The multipart form: a file and its alt text. The file is checked by its bytes, not by this schema. */
export const UploadFields = z.object({ alt: AltText.default('') });

/** A raw upload (the body is the file): its name and alt text travel in the query string. */
export const RawUploadQuery = z.object({
	filename: Filename,
	alt: AltText.default('')
});

/** PATCH: the alt text is all that changes; the bytes of an attachment never do (upload a new one instead). */
export const UpdateAttachmentInput = z
	.object({ altText: AltText })
	.meta({ id: 'UpdateAttachmentInput', description: 'New alt text of an attachment' });
export type UpdateAttachmentInput = z.infer<typeof UpdateAttachmentInput>;

export const ACCEPTED_MIME_TYPES: readonly string[] = Object.keys(ATTACHMENT_TYPES);

export const AttachmentJson = z
	.object({
		id: z.string().describe('Short attachment id'),
		noteId: z.string().describe('The note that carries it'),
		kind: z.enum(['image', 'document', 'audio', 'video']).describe('What the file is, from its bytes'),
		filename: z.string().describe('Name it is offered under, with the extension of its real type'),
		mime: z.string().describe('Media type found in its bytes'),
		size: z.number().int().describe('Size in bytes'),
		altText: z.string().describe('Text alternative (images); empty when none'),
		url: z.url().describe('Where the file is served; it answers 404 to whoever may not see the note'),
		markdown: z
			.string()
			.describe('What to insert into the note body: `![alt](/files/…)` for an image, `[name](/files/…)` for anything else'),
		createdAt: z.iso.datetime().describe('When it was uploaded')
	})
	.meta({ id: 'Attachment', description: `A file carried by a note (at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MiB)` });
export type AttachmentJson = z.infer<typeof AttachmentJson>;
