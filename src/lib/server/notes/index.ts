export { createNote } from './create-note.ts';
export { updateNote } from './update-note.ts';
export { setNoteStatus, deleteNote, restoreNote } from './set-note-status.ts';
export { getNote, type NoteView } from './get-note.ts';
export { restoreRevision } from './restore-revision.ts';
export { listRevisions, findRevision, type NoteRow } from './queries.ts';
export { visibleNoteFilter } from './visibility-filter.ts';
export * from './schemas.ts';
