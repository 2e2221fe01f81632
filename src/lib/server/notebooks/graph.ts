import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from '../notes/visibility-filter.ts';
import { notebookFor } from './access.ts';

const { notebookNote, notebookNoteCategory, notebookCategory, note, noteLink } = schema;

/**
 * The notes of a notebook that this viewer may see and the links between them: what the graph view draws and its
 * list alternative reads. A link to or from a note outside that set is not drawn, so a hidden note leaves no edge.
 */
export async function getNotebookGraph(db: Db, viewer: Viewer, notebookId: string) {
	await notebookFor(db, viewer, notebookId, 'view');
	// Joins, not a subquery per note: a notebook of thousands of notes answers in one pass over each table.
	const nodes = await db
		.select({ id: note.id, title: note.title, type: note.type, category: notebookCategory.name })
		.from(notebookNote)
		.innerJoin(note, eq(note.id, notebookNote.noteId))
		.leftJoin(
			notebookNoteCategory,
			and(
				eq(notebookNoteCategory.notebookId, notebookNote.notebookId),
				eq(notebookNoteCategory.noteId, notebookNote.noteId),
				eq(notebookNoteCategory.list, 0)
			)
		)
		.leftJoin(notebookCategory, eq(notebookCategory.id, notebookNoteCategory.categoryId))
		.where(and(eq(notebookNote.notebookId, notebookId), sql`${note.deletedAt} is null`, visibleNoteFilter(viewer)))
		.orderBy(sql`lower(${note.title})`);
	// Links between two notes of the notebook; those touching a note the viewer may not see are dropped below.
	const from = alias(notebookNote, 'from_inclusion');
	const to = alias(notebookNote, 'to_inclusion');
	const visible = new Set(nodes.map((n) => n.id));
	const links = visible.size
		? (
				await db
					.select({ source: noteLink.fromNoteId, target: noteLink.toNoteId })
					.from(noteLink)
					.innerJoin(from, and(eq(from.noteId, noteLink.fromNoteId), eq(from.notebookId, notebookId)))
					.innerJoin(to, and(eq(to.noteId, noteLink.toNoteId), eq(to.notebookId, notebookId)))
			).filter((l) => visible.has(l.source) && visible.has(l.target))
		: [];
	return { nodes, links };
}

export type NotebookGraph = Awaited<ReturnType<typeof getNotebookGraph>>;
