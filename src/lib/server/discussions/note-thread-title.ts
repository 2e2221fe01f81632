// The title of a thread about a note follows the note: it is the note's title while everyone who may read the thread
// may see the note (domain/note-threads.ts), and empty otherwise. The notes capability calls this after each change of
// a note (its title, visibility, status, community, deletion), inside its transaction, so a thread never keeps the
// title of a note that stopped being visible to its readers. It imports nothing of notes at run time (notes imports it).
import { eq, inArray } from 'drizzle-orm';
import { threadMayNameNote } from '../../domain/note-threads.ts';
import type { NoteFacts } from '../../domain/visibility.ts';
import { schema, type Db } from '../db/index.ts';
import { placesOf } from './queries.ts';

const { thread } = schema;

/** What the title needs of a note; notes' findNotesWithFacts answers it. */
export type NoteTitleFacts = { row: { id: string; title: string }; facts: NoteFacts };
type LoadNotes = (db: Db, ids: readonly string[]) => Promise<Map<string, NoteTitleFacts>>;

/** The title a thread shown in these places may carry for this note. */
export async function noteThreadTitle(db: Db, threadId: string, note: NoteTitleFacts): Promise<string> {
	return threadMayNameNote(note.facts, await placesOf(db, threadId)) ? note.row.title : '';
}

/** Renames or unnames the threads about these notes, if they have any (one query when none has). */
export async function refreshNoteThreadTitles(db: Db, noteIds: readonly string[], loadNotes: LoadNotes): Promise<void> {
	if (!noteIds.length) return;
	const threads = await db
		.select({ id: thread.id, noteId: thread.noteId, title: thread.title })
		.from(thread)
		.where(inArray(thread.noteId, [...noteIds]));
	if (!threads.length) return;
	const notes = await loadNotes(
		db,
		threads.map((t) => t.noteId!)
	);
	for (const t of threads) {
		const note = notes.get(t.noteId!);
		const title = note ? await noteThreadTitle(db, t.id, note) : '';
		if (title !== t.title) await db.update(thread).set({ title }).where(eq(thread.id, t.id));
	}
}
