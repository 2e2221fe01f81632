import { inArray } from 'drizzle-orm';
import { extractWikiLinks } from '../../domain/wiki-links.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { replaceNoteLinks } from './links.ts';

/**
 * Rebuilds `note_link` from the stored bodies of these notes, without a new revision: links are derived data. An
 * import calls it once every note exists, so a link to a note created later in the same import is recorded too.
 * Callers must have just written these notes (no visibility check here).
 */
export async function refreshNoteLinks(db: Db, noteIds: readonly string[]): Promise<void> {
	if (!noteIds.length) return;
	const rows = await db
		.select({ id: schema.note.id, body: schema.note.body })
		.from(schema.note)
		.where(inArray(schema.note.id, [...noteIds]));
	await db.transaction(async (tx) => {
		for (const row of rows) {
			const ids = extractWikiLinks(row.body).flatMap((l) => (l.target.kind === 'id' ? [l.target.id] : []));
			await replaceNoteLinks(tx, row.id, [...new Set(ids)]);
		}
	});
}
