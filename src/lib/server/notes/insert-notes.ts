import { newId } from '../../domain/ids.ts';
import { slugify } from '../../domain/slugs.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { replaceLinksOfNotes } from './links.ts';
import type { CreateNoteInput } from './schemas.ts';
import { insertRows } from '../db/write-rows.ts';

/** A new note ready to write: validated fields, its body with links resolved (linkBody/linkBodies) and their ids. */
export interface NewNote {
	id: string;
	fields: Omit<CreateNoteInput, 'message'>;
	linkedIds: readonly string[];
	message: string;
	/** An original id's dates (demo content and imports only, never user input); published when publishedAt is set. */
	imported?: { createdAt: Date; updatedAt: Date; publishedAt: Date | null };
}

/**
 * Writes new notes of `authorId` inside the caller's transaction, in a few multi-row statements whatever their
 * number: each note with its author first in the byline, revision 1 and its links (to notes that exist). createNote
 * writes one this way and an import a chunk, so both give the same rows. The caller has checked the rules (who may
 * write, the community) and resolved the links; returns the revision ids, in order. The notes of one call are all
 * `imported` or none is.
 */
export async function insertNotes(tx: Db, authorId: string, notes: readonly NewNote[]): Promise<string[]> {
	if (!notes.length) return [];
	const revisionIds = notes.map(() => newId());
	await insertRows(
		tx,
		schema.note,
		notes.map((n, i) => ({
			...n.fields,
			id: n.id,
			slug: slugify(n.fields.title),
			status: n.imported?.publishedAt ? ('published' as const) : ('draft' as const),
			currentRevisionId: revisionIds[i],
			// Without original dates, the columns' defaults (the database's clock) date the note.
			...(n.imported ? { createdAt: n.imported.createdAt, updatedAt: n.imported.updatedAt } : {}),
			publishedAt: n.imported?.publishedAt ?? null
		}))
	);
	await insertRows(
		tx,
		schema.noteAuthor,
		notes.map((n) => ({ noteId: n.id, accountId: authorId, position: 0 }))
	);
	await insertRows(
		tx,
		schema.noteRevision,
		notes.map((n, i) => ({
			id: revisionIds[i],
			noteId: n.id,
			number: 1,
			title: n.fields.title,
			summary: n.fields.summary,
			body: n.fields.body,
			editorId: authorId,
			message: n.message,
			baseRevisionId: null,
			createdAt: n.imported?.updatedAt ?? new Date()
		}))
	);
	await replaceLinksOfNotes(tx, new Map(notes.map((n) => [n.id, n.linkedIds])));
	return revisionIds;
}
