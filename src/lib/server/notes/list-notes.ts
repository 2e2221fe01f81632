import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { containsText, likeEscape } from '../db/contains.ts';
import { decodeCursor, pageOf } from '../db/cursor.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import type { ListNotesQuery } from './schemas.ts';
import { visibleNoteFilter } from './visibility-filter.ts';

const { note, noteAuthor, profile } = schema;

/**
 * One page of the notes this viewer may see, most recently edited first; `q` keeps those whose title contains
 * it, accents and case aside (the editor's link picker). Deleted notes stay out, even for admins. Anyone may call it.
 */
export async function listNotes(db: Db, viewer: Viewer, query: ListNotesQuery) {
	const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
	const rows = await db
		.select({
			id: note.id,
			type: note.type,
			title: note.title,
			summary: note.summary,
			language: note.language,
			status: note.status,
			visibility: note.visibility,
			publishedAt: note.publishedAt,
			updatedAt: note.updatedAt,
			// Microseconds included: a JavaScript Date would round them away and the cursor skip or repeat a row.
			sortKey: sql<string>`${note.updatedAt}::text`
		})
		.from(note)
		.where(
			and(
				visibleNoteFilter(viewer),
				isNull(note.deletedAt),
				query.q ? containsText(note.title, likeEscape(query.q)) : undefined,
				query.status ? eq(note.status, query.status) : undefined,
				query.author
					? sql`exists (select 1 from ${noteAuthor} join ${profile} on ${profile.accountId} = ${noteAuthor.accountId}
						where ${noteAuthor.noteId} = ${note.id} and ${noteAuthor.status} = 'active'
						and lower(${profile.handle}) = ${query.author.replace(/^@/, '').toLowerCase()})`
					: undefined,
				after ? sql`(${note.updatedAt}, ${note.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined
			)
		)
		.orderBy(desc(note.updatedAt), desc(note.id))
		.limit(query.limit + 1);
	const { page, next } = pageOf(rows, query.limit, (r) => [r.sortKey, r.id]);
	return {
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the cursor's key stays server-side.
		items: page.map(({ sortKey, ...item }) => item),
		next
	};
}

export type NoteListItem = Awaited<ReturnType<typeof listNotes>>['items'][number];
