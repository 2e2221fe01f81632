// Direct messages (issue 6): private conversations of two or more members. Only participants learn one exists.
export { startConversation, sendMessage, markConversationRead } from './write.ts';
export { listConversations, getConversation, countUnread, type ConversationListItem, type ConversationView } from './read.ts';
export { participantFilter } from './visibility-filter.ts';
export { presentConversation, presentConversationPage, presentConversationSummary } from './present.ts';
export * from './schemas.ts';
export { presentConversationItem, presentConversationView, type ConversationItem, type ConversationPageData } from './page-presenters.ts';
