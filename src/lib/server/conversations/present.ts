// API presenters for conversations: every field named, dates ISO, URLs absolute (STYLE §6).
import { messageExcerpt } from '../../domain/conversations.ts';
import type { ConversationListItem, ConversationView } from './read.ts';
import type { ConversationJson, ConversationPageJson, ConversationSummaryJson, DirectMessageJson } from './schemas.ts';

export type PresentAt = { publicUrl: string; lang: 'fr' | 'en' };

const person = (p: { handle: string; displayName: string }, at: PresentAt) => ({
	handle: p.handle,
	displayName: p.displayName,
	url: `${at.publicUrl}/${at.lang}/u/${encodeURIComponent(p.handle)}`
});

const note = (n: { id: string; title: string } | null, at: PresentAt) =>
	n && { id: n.id, title: n.title, url: `${at.publicUrl}/${at.lang}/n/${n.id}` };

export const presentConversationSummary = (c: ConversationListItem, at: PresentAt): ConversationSummaryJson => ({
	id: c.id,
	participants: c.participants.map((p) => person(p, at)),
	note: note(c.note, at),
	lastMessageAt: c.lastMessageAt.toISOString(),
	lastMessage: c.lastMessage,
	unread: c.unread,
	url: `${at.publicUrl}/${at.lang}/messages/${c.id}`,
	apiUrl: `${at.publicUrl}/api/v1/conversations/${c.id}`
});

export const presentConversationPage = (
	page: { items: ConversationListItem[]; next: string | null; unreadTotal: number },
	at: PresentAt
): ConversationPageJson => ({
	items: page.items.map((c) => presentConversationSummary(c, at)),
	unreadTotal: page.unreadTotal,
	next: page.next
});

const presentMessage = (m: ConversationView['messages'][number], at: PresentAt): DirectMessageJson => ({
	id: m.id,
	author: m.author && person(m.author, at),
	body: m.body,
	html: m.html,
	createdAt: m.createdAt.toISOString(),
	editedAt: m.editedAt?.toISOString() ?? null
});

export const presentConversation = (c: ConversationView, at: PresentAt): ConversationJson => ({
	...presentConversationSummary(
		{ ...c, lastMessage: c.messages.length ? messageExcerpt(c.messages[c.messages.length - 1].body) : null },
		at
	),
	messages: c.messages.map((m) => presentMessage(m, at)),
	next: c.next
});
