// The note that serves as a notebook's table of contents (reports, theses, proceedings): it must be one of the
// notebook's own notes, and it is shown only to those who may read it (DESIGN §6).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from '../notes/visibility-filter.ts';

const { notebookNote, note } = schema;

// A settings menu, not a listing: long works hold hundreds of notes, not thousands.
const MAX_CANDIDATES = 1_000;

/** The note if it is in the notebook, not deleted, and this viewer may see it; undefined otherwise. */
export async function findVisibleNotebookNote(db: Db, viewer: Viewer, notebookId: string, noteId: string) {
	const [row] = await db
		.select({ id: note.id, title: note.title })
		.from(notebookNote)
		.innerJoin(note, eq(note.id, notebookNote.noteId))
		.where(and(eq(notebookNote.notebookId, notebookId), eq(note.id, noteId), sql`${note.deletedAt} is null`, visibleNoteFilter(viewer)));
	return row;
}

/** The notebook's notes this viewer may see, by title: what a manager may choose as the table of contents. */
export const listTocCandidates = (db: Db, viewer: Viewer, notebookId: string) =>
	db
		.select({ id: note.id, title: note.title })
		.from(notebookNote)
		.innerJoin(note, eq(note.id, notebookNote.noteId))
		.where(and(eq(notebookNote.notebookId, notebookId), sql`${note.deletedAt} is null`, visibleNoteFilter(viewer)))
		.orderBy(asc(note.title), asc(note.id))
		.limit(MAX_CANDIDATES);
