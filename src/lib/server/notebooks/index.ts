export { createNotebook } from './create-notebook.ts';
export { getNotebook, type NotebookView } from './get-notebook.ts';
export { addCategory, renameCategory, moveCategory, deleteCategory } from './categories.ts';
export { includeNote, setNoteCategory, removeNoteFromNotebook, pinNote } from './inclusion.ts';
export { listNotebookNotes, notebookNotesPage, type NotebookNoteItem } from './list-notebook-notes.ts';
export { listNotebooksOfNote, type NotebookOfNote } from './notebooks-of-note.ts';
export { visibleNotebookFilter } from './visibility-filter.ts';
export { findNotebookWithFacts } from './queries.ts';
export { presentNotebook, presentNotebookNote } from './present.ts';
export * from './schemas.ts';
export {
	removeNotebookMember,
	changeNotebookMemberRole,
	removeFromNotebook,
	getNotebookMembers,
	listNotebookMembers,
	listNotebooks,
	type NotebookMemberRow
} from './members.ts';
export {
	inviteNotebookMember,
	withdrawNotebookInvitation,
	acceptNotebookInvitation,
	declineNotebookInvitation,
	listNotebookInvitations,
	listMyNotebookInvitations,
	type NotebookInvitationRow,
	type MyNotebookInvitationRow
} from './invitations.ts';
export * from './member-schemas.ts';
export { presentNotebookMember, presentNotebookInvitation, presentMyNotebookInvitation } from './present-members.ts';
export { getNotebookGraph, type NotebookGraph } from './graph.ts';
export { moveNoteInNotebook } from './order.ts';
export { updateNotebook } from './update-notebook.ts';
export { deleteNotebook } from './delete-notebook.ts';
export { setNotebookCover, removeNotebookCover, openNotebookCover, coverUrl } from './cover.ts';
export { addCategoryList, renameCategoryList, removeCategoryList } from './category-lists.ts';
export { getNotebookSettings } from './get-notebook-settings.ts';
export { assertCanContribute, includeNotes } from './include-notes.ts';
