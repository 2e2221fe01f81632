// The API's JSON of discussions, field by field (schemas.ts holds the shapes): views are never spread, so a new
// field does not leak by accident.
import { attachmentPath } from '../../domain/attachments.ts';
import type { MessageFile } from './message-files.ts';
import type { NoteCard } from './note-threads.ts';
import type { MessageJson } from './schemas.ts';
import type { TaggedMessage, ThreadSummary } from './list-threads.ts';
import { threadPath, type MessageView, type ThreadView } from './read-thread.ts';
import type { Place } from './queries.ts';

type At = { publicUrl: string; lang: 'fr' | 'en' };

const place = (p: Place) => ({ slug: p.slug, name: p.name });
const pick = (f: MessageFile) => ({ id: f.id, kind: f.kind, filename: f.filename, mime: f.mime, size: f.size, altText: f.altText });
const abs = (at: At, path: string) => new URL(path, at.publicUrl).href;

const presentCard = (c: NoteCard, at: At) => ({
	id: c.id,
	title: c.title,
	summary: c.summary,
	language: c.language,
	authors: c.authors.map((a) => ({ handle: a.handle, name: a.name })),
	externalAuthors: [...c.externalAuthors],
	url: abs(at, `/${at.lang}/n/${c.id}`)
});

/** `card`: the note the message shares, when the caller may see it (noteCardsOf). */
export const presentMessage = (m: MessageView, at: At, where: { slug: string; threadId: string }, card?: NoteCard | null): MessageJson => ({
	id: m.id,
	parentId: m.parentId,
	replyTo: m.replyTo?.id ?? null,
	author: m.author,
	body: m.body,
	html: m.html,
	createdAt: m.createdAt.toISOString(),
	editedAt: m.editedAt?.toISOString() ?? null,
	deleted: m.deleted,
	hidden: m.hidden,
	tags: m.tags,
	files: m.files.map((f) => ({ ...pick(f), url: abs(at, attachmentPath(f.id, f.filename)) })),
	note: card && m.html !== null ? presentCard(card, at) : null,
	url: abs(at, `${threadPath(at.lang, where.slug, where.threadId)}#m-${m.id}`)
});

export const presentThreadSummary = (t: ThreadSummary | ThreadView, at: At) => ({
	id: t.id,
	title: t.title,
	hasTitle: t.hasTitle,
	community: place(t.home),
	shownIn: t.shownIn.map(place),
	author: t.author,
	createdAt: t.createdAt.toISOString(),
	lastMessageAt: t.lastMessageAt.toISOString(),
	locked: t.locked,
	messageCount: t.messageCount,
	excerpt: t.excerpt,
	url: abs(at, threadPath(at.lang, t.place.slug, t.id))
});

/** `cards`: the notes its messages share that the caller may see, by message id (noteCardsOf). */
export const presentThread = (t: ThreadView, at: At, cards: Record<string, NoteCard> = {}) => ({
	...presentThreadSummary(t, at),
	messages: t.messages.map((m) => presentMessage(m, at, { slug: t.place.slug, threadId: t.id }, cards[m.id])),
	canPost: t.canPost,
	canModerate: t.canModerate
});

export const presentTagged = (r: TaggedMessage, at: At) => ({
	thread: { id: r.thread.id, title: r.thread.title, url: abs(at, threadPath(at.lang, r.thread.place.slug, r.thread.id)) },
	message: presentMessage(r.message, at, { slug: r.thread.place.slug, threadId: r.thread.id })
});
