import { attachmentMarkdown, attachmentPath } from '../../domain/attachments.ts';
import type { AttachmentRow } from './queries.ts';
import type { AttachmentJson } from './schemas.ts';

/** An attachment as the API and the editor show it; every field is named, none spread from the row. */
export function presentAttachment(row: AttachmentRow, publicUrl: string): AttachmentJson {
	return {
		id: row.id,
		noteId: row.noteId,
		kind: row.kind,
		filename: row.filename,
		mime: row.mime,
		size: row.size,
		altText: row.altText,
		url: `${publicUrl}${attachmentPath(row.id, row.filename)}`,
		markdown: attachmentMarkdown(row),
		createdAt: row.createdAt.toISOString()
	};
}
