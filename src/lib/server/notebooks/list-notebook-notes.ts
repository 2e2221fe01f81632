import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { containsText, likeEscape } from '../db/contains.ts';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from '../notes/visibility-filter.ts';
import { notebookFor } from './access.ts';
import type { ListNotebookNotesQuery } from './schemas.ts';

const { notebookNote, notebookNoteCategory, notebookCategory, note, noteAuthor, profile } = schema;

const ORDER: Record<ListNotebookNotesQuery['sort'], SQL[]> = {
	manual: [sql`${notebookNote.pinned} desc`, sql`${notebookNote.position} asc`],
	title: [sql`lower(unaccent(${note.title})) asc`],
	included: [sql`${notebookNote.includedAt} desc`],
	edited: [sql`${note.updatedAt} desc`]
};

/**
 * One page of a notebook's notes that this viewer may see, filtered and sorted, with each note's categories and who
 * included it when. NotFoundError if the viewer may not see the notebook.
 */
export async function listNotebookNotes(db: Db, viewer: Viewer, notebookId: string, query: ListNotebookNotesQuery) {
	await notebookFor(db, viewer, notebookId, 'view');
	return notebookNotesPage(db, viewer, notebookId, query);
}

/** listNotebookNotes for a caller that has just checked the viewer may see the notebook (the notebook page). */
export async function notebookNotesPage(db: Db, viewer: Viewer, notebookId: string, query: ListNotebookNotesQuery) {
	// The cursor is the offset of the next page: sorts by title or date have no stable keyset of their own here,
	// and a notebook holds thousands of notes at most.
	const offset = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) || 0 : 0;
	const filters = [
		eq(notebookNote.notebookId, notebookId),
		sql`${note.deletedAt} is null`,
		visibleNoteFilter(viewer),
		query.q ? sql`(${containsText(note.title, likeEscape(query.q))} or ${containsText(note.summary, likeEscape(query.q))})` : undefined,
		query.type ? eq(note.type, query.type) : undefined,
		query.licence ? eq(note.licence, query.licence) : undefined,
		query.language ? eq(note.language, query.language) : undefined,
		query.year ? sql`extract(year from ${note.publishedAt}) = ${query.year}` : undefined,
		query.author
			? sql`exists (select 1 from ${noteAuthor} join ${profile} on ${profile.accountId} = ${noteAuthor.accountId}
				where ${noteAuthor.noteId} = ${note.id} and ${noteAuthor.status} = 'active'
				and lower(${profile.handle}) = ${query.author.replace(/^@/, '').toLowerCase()})`
			: undefined,
		query.category === 'none'
			? sql`not exists (select 1 from ${notebookNoteCategory} where ${notebookNoteCategory.notebookId} = ${notebookId}
				and ${notebookNoteCategory.noteId} = ${note.id} and ${notebookNoteCategory.list} = 0)`
			: query.category
				? sql`exists (select 1 from ${notebookNoteCategory} where ${notebookNoteCategory.notebookId} = ${notebookId}
					and ${notebookNoteCategory.noteId} = ${note.id} and ${notebookNoteCategory.categoryId} = ${query.category})`
				: undefined
	];
	const rows = await db
		.select({
			id: note.id,
			type: note.type,
			title: note.title,
			summary: note.summary,
			language: note.language,
			licence: note.licence,
			publishedAt: note.publishedAt,
			updatedAt: note.updatedAt,
			pinned: notebookNote.pinned,
			includedAt: notebookNote.includedAt,
			includedByHandle: profile.handle,
			includedByName: profile.displayName
		})
		.from(notebookNote)
		.innerJoin(note, eq(note.id, notebookNote.noteId))
		.leftJoin(profile, eq(profile.accountId, notebookNote.includedBy))
		.where(and(...filters))
		.orderBy(...ORDER[query.sort], desc(note.id))
		.limit(query.limit + 1)
		.offset(offset);
	const page = rows.slice(0, query.limit);
	const categories = page.length
		? await db
				.select({
					noteId: notebookNoteCategory.noteId,
					list: notebookNoteCategory.list,
					id: notebookCategory.id,
					name: notebookCategory.name
				})
				.from(notebookNoteCategory)
				.innerJoin(notebookCategory, eq(notebookCategory.id, notebookNoteCategory.categoryId))
				.where(
					and(
						eq(notebookNoteCategory.notebookId, notebookId),
						inArray(
							notebookNoteCategory.noteId,
							page.map((r) => r.id)
						)
					)
				)
				.orderBy(asc(notebookNoteCategory.list))
		: [];
	return {
		items: page.map((r) => ({
			...r,
			categories: categories.filter((c) => c.noteId === r.id).map(({ list, id, name }) => ({ list, id, name }))
		})),
		next: rows.length > query.limit ? encodeCursor([String(offset + query.limit)]) : null
	};
}

export type NotebookNoteItem = Awaited<ReturnType<typeof listNotebookNotes>>['items'][number];
