// What the HTML message pages receive, field by field (the API has its own in present.ts).
import type { ConversationListItem, ConversationView } from './read.ts';

const person = (p: { accountId: string; handle: string; displayName: string }) => ({
	accountId: p.accountId,
	handle: p.handle,
	displayName: p.displayName
});

/** A conversation in the list; `others` are the participants but the viewer, who needs no reminder of themself. */
export const presentConversationItem = (c: ConversationListItem, viewerId: string) => ({
	id: c.id,
	others: c.participants.filter((p) => p.accountId !== viewerId).map(person),
	note: c.note && { id: c.note.id, title: c.note.title },
	lastMessage: c.lastMessage,
	lastMessageAt: c.lastMessageAt,
	unread: c.unread
});
export type ConversationItem = ReturnType<typeof presentConversationItem>;

export const presentConversationView = (c: ConversationView, viewerId: string) => ({
	id: c.id,
	others: c.participants.filter((p) => p.accountId !== viewerId).map(person),
	note: c.note && { id: c.note.id, title: c.note.title },
	messages: c.messages.map((m) => ({
		id: m.id,
		author: m.author && person(m.author),
		mine: m.author?.accountId === viewerId,
		html: m.html,
		createdAt: m.createdAt,
		editedAt: m.editedAt
	})),
	next: c.next
});
export type ConversationPageData = ReturnType<typeof presentConversationView>;
