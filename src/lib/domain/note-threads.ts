// Notes in discussions (issue 6): which notes may have a thread, when that thread may carry the note's title, and
// who shares a note into its community. Pure rules; the use cases are in server/discussions/note-threads.ts.
//
// A thread about a note is read by whoever may read its community's discussions, which is not always who may see the
// note (a community note in a public community; a note made private later). So the thread never copies the note's
// text: its first message is a card rendered from `shared_note_id` for each reader, and only for readers who may see
// the note (canViewNote). Its title is the note's only while everyone who may read the thread may see the note.
import { canViewNote, type DiscussionPlace, type NoteFacts } from './visibility.ts';
import type { Viewer } from './viewer.ts';

/** A note may have a discussion when it is published, not deleted, and meant for more than its authors. */
export const isDiscussable = (n: NoteFacts): boolean => n.status === 'published' && !n.deleted && n.visibility !== 'private';

/**
 * Whether a thread shown in `places` may be named after the note: everyone who reads it sees the note too. A public
 * note always; a community note only when its thread is shown nowhere but in its own community, and that one is not
 * public (its readers are then its active members, who see the note).
 */
export function threadMayNameNote(n: NoteFacts, places: readonly DiscussionPlace[]): boolean {
	if (!isDiscussable(n)) return false;
	if (n.visibility === 'public') return true;
	return places.length > 0 && places.every((p) => p.id === n.communityId && p.visibility !== 'public');
}

/** Whether a note's card shows to this viewer: they may see the note, as anyone may (admins included, not deleted). */
export const canSeeNoteCard = (viewer: Viewer, n: NoteFacts): boolean => !n.deleted && canViewNote(viewer, n);

/** Its authors share a discussable note linked to a community into that community's discussion. */
export const canShareNote = (viewer: Viewer, n: NoteFacts): boolean =>
	viewer.kind === 'account' && n.authorIds.includes(viewer.id) && n.communityId !== null && isDiscussable(n);
