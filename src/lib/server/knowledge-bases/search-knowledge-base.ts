import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { containsText, likeEscape } from '../db/contains.ts';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from '../notes/visibility-filter.ts';
import { knowledgeBaseFor } from './access.ts';
import { inKnowledgeBase, inVisibleNotebookOf } from './queries.ts';
import type { SearchKnowledgeBaseQuery } from './schemas.ts';

const { note, notebook, notebookNote } = schema;

const titleKey = sql<string>`lower(unaccent(${note.title}))`;

/**
 * One page of the notes across the knowledge base's notebooks whose title or summary contains `q` (all of them
 * without `q`), by title: only notes the viewer may see, found only through notebooks the viewer may see, each
 * once, with those of its notebooks. NotFoundError if the viewer may not see the knowledge base.
 */
export async function searchKnowledgeBase(db: Db, viewer: Viewer, kbId: string, query: SearchKnowledgeBaseQuery) {
	await knowledgeBaseFor(db, viewer, kbId, 'view');
	const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
	const text = query.q ? likeEscape(query.q) : '';
	const rows = await db
		.select({
			id: note.id,
			type: note.type,
			title: note.title,
			summary: note.summary,
			language: note.language,
			licence: note.licence,
			updatedAt: note.updatedAt,
			key: titleKey
		})
		.from(note)
		.where(
			and(
				sql`${note.deletedAt} is null`,
				visibleNoteFilter(viewer),
				inKnowledgeBase(viewer, kbId),
				text ? sql`(${containsText(note.title, text)} or ${containsText(note.summary, text)})` : undefined,
				after ? sql`(${titleKey}, ${note.id}) > (${after[0]}, ${after[1]})` : undefined
			)
		)
		.orderBy(asc(titleKey), asc(note.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const holders = page.length
		? await db
				.select({ noteId: notebookNote.noteId, id: notebook.id, title: notebook.title })
				.from(notebookNote)
				.innerJoin(notebook, eq(notebook.id, notebookNote.notebookId))
				.where(
					and(
						inArray(
							notebookNote.noteId,
							page.map((r) => r.id)
						),
						inVisibleNotebookOf(viewer, kbId)
					)
				)
				.orderBy(asc(notebook.title))
		: [];
	const last = page.at(-1);
	return {
		items: page.map((r) => ({
			id: r.id,
			type: r.type,
			title: r.title,
			summary: r.summary,
			language: r.language,
			licence: r.licence,
			updatedAt: r.updatedAt,
			notebooks: holders.filter((h) => h.noteId === r.id).map(({ id, title }) => ({ id, title }))
		})),
		next: rows.length > query.limit && last ? encodeCursor([last.key, last.id]) : null
	};
}

export type KnowledgeBaseNoteItem = Awaited<ReturnType<typeof searchKnowledgeBase>>['items'][number];
