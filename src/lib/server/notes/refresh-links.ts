import { inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { linkedIdsOf, replaceLinksOfNotes } from './links.ts';

/**
 * Rebuilds `note_link` from the stored bodies of these notes, without a new revision: links are derived data. An
 * import calls it once every note exists, so a link to a note created later in the same import is recorded too.
 * Callers must have just written these notes (no visibility check here).
 */
export async function refreshNoteLinks(db: Db, noteIds: readonly string[]): Promise<void> {
	if (!noteIds.length) return;
	const linked = new Map<string, string[]>();
	for (let i = 0; i < noteIds.length; i += 1000) {
		const rows = await db
			.select({ id: schema.note.id, body: schema.note.body })
			.from(schema.note)
			.where(inArray(schema.note.id, noteIds.slice(i, i + 1000)));
		for (const row of rows) linked.set(row.id, linkedIdsOf(row.body));
	}
	await db.transaction((tx) => replaceLinksOfNotes(tx, linked));
}
