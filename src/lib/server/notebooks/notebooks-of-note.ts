import { and, asc, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from '../notes/visibility-filter.ts';
import { visibleNotebookFilter } from './visibility-filter.ts';

const { notebook, notebookNote, notebookNoteCategory, notebookCategory, note, profile } = schema;

/**
 * The notebooks that include a note, among those this viewer may see, with the inclusion facts the note page shows:
 * who included it and when, its category (first list), and how many notes of each notebook the viewer may see.
 * The caller has checked that the viewer may see the note.
 */
export async function listNotebooksOfNote(db: Db, viewer: Viewer, noteId: string) {
	return db
		.select({
			id: notebook.id,
			title: notebook.title,
			includedAt: notebookNote.includedAt,
			includedByHandle: profile.handle,
			includedByName: profile.displayName,
			category: sql<string | null>`(select ${notebookCategory.name} from ${notebookNoteCategory}
				join ${notebookCategory} on ${notebookCategory.id} = ${notebookNoteCategory.categoryId}
				where ${notebookNoteCategory.notebookId} = ${notebook.id} and ${notebookNoteCategory.noteId} = ${noteId}
				order by ${notebookNoteCategory.list} limit 1)`,
			noteCount: sql<number>`(select count(*)::int from ${notebookNote} join ${note} on ${note.id} = ${notebookNote.noteId}
				where ${notebookNote.notebookId} = ${notebook.id} and ${note.deletedAt} is null and ${visibleNoteFilter(viewer)})`
		})
		.from(notebookNote)
		.innerJoin(notebook, eq(notebook.id, notebookNote.notebookId))
		.leftJoin(profile, eq(profile.accountId, notebookNote.includedBy))
		.where(and(eq(notebookNote.noteId, noteId), visibleNotebookFilter(viewer), sql`${notebook.deletedAt} is null`))
		.orderBy(asc(notebookNote.includedAt));
}

export type NotebookOfNote = Awaited<ReturnType<typeof listNotebooksOfNote>>[number];
