import type { AttachmentKind } from '../../domain/attachments.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { findVisibleAttachments } from './queries.ts';

/** What the note renderer shows of a linked file: a card, a player or an image. */
export interface AttachmentFacts {
	kind: AttachmentKind;
	filename: string;
	mime: string;
	size: number;
	altText: string;
}

const FILE_IDS = /\/files\/([A-Za-z0-9_-]{16})/g;

/**
 * The files a body links to, among those on notes the viewer may see (one query), as the synchronous lookup the
 * renderer takes. A file of a hidden note gives null, exactly like a missing one, so its card never reveals it.
 */
export async function findAttachmentFacts(db: Db, viewer: Viewer, body: string): Promise<(id: string) => AttachmentFacts | null> {
	const ids = [...new Set([...body.matchAll(FILE_IDS)].map((m) => m[1]))];
	const rows = await findVisibleAttachments(db, viewer, ids);
	const byId = new Map<string, AttachmentFacts>(rows.map((r) => [r.id, r]));
	return (id) => byId.get(id) ?? null;
}
