// Reading direct messages: the viewer's conversations, one conversation with a page of its messages, the unread
// total. Only participants get anything (participantFilter); everyone else gets NotFoundError or nothing.
import { isDomainError, NotFoundError } from '../../domain/errors.ts';
import { messageExcerpt } from '../../domain/conversations.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Lang } from '../../i18n.ts';
import { decodeCursor, pageOf } from '../db/cursor.ts';
import type { Db } from '../db/index.ts';
import { getNote } from '../notes/index.ts';
import { renderNoteBody } from '../notes/render/index.ts';
import { countUnread, findConversationFor, listConversationRows, listMessageRows, listParticipants } from './queries.ts';
import type { ConversationMessagesQuery, ListConversationsQuery } from './schemas.ts';

export { countUnread };

/** The note a conversation began from, if this viewer may still see it (it may have become private since). */
async function noteContext(db: Db, viewer: Viewer, noteId: string | null) {
	if (!noteId) return null;
	try {
		const { note } = await getNote(db, viewer, noteId);
		return { id: note.id, title: note.title };
	} catch (e) {
		if (isDomainError(e) && e.status === 404) return null;
		throw e;
	}
}

/** The viewer's conversations, newest message first, with unread counts; empty for anonymous viewers. */
export async function listConversations(db: Db, viewer: Viewer, query: ListConversationsQuery) {
	if (viewer.kind !== 'account') return { items: [], next: null, unreadTotal: 0 };
	const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
	const rows = await listConversationRows(db, viewer, after, query.limit);
	const { page, next } = pageOf(rows, query.limit, (r) => [r.cursorAt, r.id]);
	const participants = await listParticipants(
		db,
		page.map((r) => r.id)
	);
	const notes = new Map<string, Awaited<ReturnType<typeof noteContext>>>();
	for (const r of page) if (r.noteId && !notes.has(r.noteId)) notes.set(r.noteId, await noteContext(db, viewer, r.noteId));
	const items = page.map((r) => ({
		id: r.id,
		lastMessageAt: r.lastMessageAt,
		lastMessage: r.lastMessage === null ? null : messageExcerpt(r.lastMessage),
		unread: r.unread,
		participants: participants.get(r.id) ?? [],
		note: r.noteId ? (notes.get(r.noteId) ?? null) : null
	}));
	return { items, next, unreadTotal: await countUnread(db, viewer) };
}
export type ConversationListItem = Awaited<ReturnType<typeof listConversations>>['items'][number];

/**
 * A conversation the viewer takes part in, with a page of messages (oldest first; `next` leads to older ones), each
 * rendered from Markdown and sanitised like a note body. NotFoundError for everyone else, admins included.
 */
export async function getConversation(
	db: Db,
	viewer: Viewer,
	id: string,
	query: ConversationMessagesQuery,
	at: { lang: Lang; publicUrl: string }
) {
	const found = await findConversationFor(db, viewer, id);
	if (!found) throw new NotFoundError('No such conversation');
	const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
	const rows = await listMessageRows(db, id, after, query.limit);
	const { page, next } = pageOf(rows, query.limit, (r) => [r.cursorAt, r.id]);
	const participants = (await listParticipants(db, [id])).get(id) ?? [];
	// Wiki links stay text: a message must not reveal which notes exist; no embedded frames either.
	const render = (body: string) =>
		renderNoteBody(body, { lang: at.lang, resolve: () => null, origin: at.publicUrl, peertubeHosts: [] }).html;
	const messages = page.reverse().map((m) => ({
		id: m.id,
		author: m.authorId && m.handle ? { accountId: m.authorId, handle: m.handle, displayName: m.displayName ?? m.handle } : null,
		body: m.body,
		html: render(m.body),
		createdAt: m.createdAt,
		editedAt: m.editedAt
	}));
	return {
		id,
		lastMessageAt: found.lastMessageAt,
		unread: found.unread,
		participants,
		note: await noteContext(db, viewer, found.noteId),
		messages,
		next
	};
}
export type ConversationView = Awaited<ReturnType<typeof getConversation>>;
