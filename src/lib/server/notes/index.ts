export { createNote } from './create-note.ts';
export { updateNote } from './update-note.ts';
export { setNoteStatus, deleteNote, restoreNote } from './set-note-status.ts';
export { getNote, type NoteView } from './get-note.ts';
export { restoreRevision } from './restore-revision.ts';
export { listRevisions, findRevision, type NoteRow } from './queries.ts';
export { visibleNoteFilter } from './visibility-filter.ts';
export * from './schemas.ts';
export { compareRevisions } from './compare-revisions.ts';
export { resolveNoteSegment } from './queries.ts';
export { noteIdFromSegment } from './load-note-page.ts';
export { listLinkedNotes, listBacklinks } from './links.ts';
export { renderNoteFor } from './render-note.ts';
export { getNotePage } from './get-note-page.ts';
export { presentNoteMetadata } from './present-metadata.ts';
export { presentNote, presentNoteSummary } from './present.ts';
export { citeNote, citeNoteView } from './cite-note.ts';
export {
	inviteCoAuthor,
	inviteCoAuthors,
	answerAuthorInvitation,
	removeAuthor,
	moveAuthor,
	listAuthorsAndInvitees,
	listAuthorInvitations,
	listOwnNotes
} from './authors.ts';
export { listNotes, type NoteListItem } from './list-notes.ts';
export { getEditNotePage, describeEditConflict, noteFormValues } from './edit-note-page.ts';
export { previewNoteForm } from './preview-note.ts';
export { getNoteJson } from './note-json.ts';
export { refreshNoteLinks } from './refresh-links.ts';
export { findLinkTargets } from './links.ts';
export { insertNotes, type NewNote } from './insert-notes.ts';
export { reviseNotes, type NoteEdit } from './revise-notes.ts';
export { linkBodies, linkedIdsOf, replaceLinksOfNotes } from './links.ts';
export { checkCommunity } from './create-note.ts';
export { findNotesWithFacts } from './queries.ts';
