// Discussions of communities of practice (Passerelles): threads shown in one or more communities, their messages,
// mentions, hashtags and moderation. Who may read a thread: canReadThread (domain/visibility.ts) and its SQL twin.
export { startThread, insertThread, type NewThread } from './write-thread.ts';
export { postMessage, postMessageAndShow, editMessage, deleteMessage, deleteMessageWithFiles } from './write-message.ts';
export {
	withMessageFiles,
	openMessageFile,
	MESSAGE_FILES_MAX,
	type MessageUpload,
	type MessageFile,
	type PreparedFile
} from './message-files.ts';
export { setMessageHidden, setThreadLocked, reportMessage, listReports, resolveReport } from './moderation.ts';
export { getThread, getMessage, threadPath, type ThreadView, type MessageView, type Person } from './read-thread.ts';
export { getCommunityDiscussion } from './community-section.ts';
export { listThreads, listTaggedMessages, type ThreadSummary, type TaggedMessage } from './list-threads.ts';
export { threadAccess, messageAccess, type ThreadAccess } from './access.ts';
export { visibleThreadFilter } from './visibility-filter.ts';
export { renderMessage } from './message-text.ts';
export { placesOf, type Place } from './queries.ts';
export { presentThread, presentThreadSummary, presentMessage, presentTagged } from './present.ts';
export * from './schemas.ts';
export {
	discussNote,
	shareNote,
	getNoteDiscussion,
	noteCardsOf,
	noteThreadId,
	refreshNoteThreadTitle,
	ShareNoteInput,
	NoteShareJson,
	type NoteCard,
	type NoteDiscussion
} from './note-threads.ts';
