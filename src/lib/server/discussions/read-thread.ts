// A thread as the viewer may see it: its messages in order (each top-level message followed by its replies), the
// text of deleted messages gone and that of hidden ones shown to hosts only.
import { asc, eq, inArray } from 'drizzle-orm';
import { NotFoundError } from '../../domain/errors.ts';
import { canDeleteMessage, canEditMessage, canReportMessage, excerpt, plainText, threadTitle } from '../../domain/discussions.ts';
import { canReadThread, seesOnlyAsAdmin } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { logAdminView } from '../admin/index.ts';
import { schema, type Db } from '../db/index.ts';
import { canReadIn, threadAccess } from './access.ts';
import { knownHandles, renderMessage } from './message-text.ts';
import type { Place } from './queries.ts';

const { message, messageTag, profile } = schema;

export type Person = { handle: string; name: string } | null;
export type RenderAt = { lang: 'fr' | 'en'; origin?: string };

export type MessageView = {
	id: string;
	/** The top-level message it sits under, or null for a top-level one. */
	parentId: string | null;
	/** The reply it answers, when it answers a reply (shown "replying to"). */
	replyTo: { id: string; author: Person } | null;
	author: Person;
	body: string | null;
	html: string | null;
	createdAt: Date;
	editedAt: Date | null;
	deleted: boolean;
	hidden: boolean;
	tags: string[];
	canEdit: boolean;
	canDelete: boolean;
	canReport: boolean;
};

export type ThreadView = {
	id: string;
	title: string;
	hasTitle: boolean;
	home: Place;
	/** The community it is read in: the one of the address, else the first the viewer may read. */
	place: Place;
	shownIn: Place[];
	author: Person;
	createdAt: Date;
	lastMessageAt: Date;
	locked: boolean;
	canPost: boolean;
	canModerate: boolean;
	messageCount: number;
	excerpt: string;
	messages: MessageView[];
};

export const threadPath = (lang: string, slug: string, threadId: string) => `/${lang}/g/${slug}/t/${threadId}`;

const person = (handle: string | null, name: string | null): Person => (handle ? { handle, name: name ?? handle } : null);

/**
 * The thread, read in the community `slug` when given: missing (NotFoundError) when the viewer may not read it
 * there, or it is not shown there. With `only`, its messages hold that one message alone: rendering every message
 * is most of the cost of reading a long thread, and a writer answered with what they posted needs none of the others.
 */
export async function getThread(
	db: Db,
	viewer: Viewer,
	threadId: string,
	at: RenderAt & { slug?: string; only?: string }
): Promise<ThreadView> {
	const access = await threadAccess(db, viewer, threadId);
	const place = at.slug ? access.places.find((p) => p.slug.toLowerCase() === at.slug!.toLowerCase()) : access.readablePlaces[0];
	if (!place || !canReadIn(viewer, place)) throw new NotFoundError('No such thread');
	const rows = await db
		.select({ m: message, handle: profile.handle, name: profile.displayName })
		.from(message)
		.leftJoin(profile, eq(profile.accountId, message.authorId))
		.where(eq(message.threadId, threadId))
		.orderBy(asc(message.createdAt), asc(message.id));
	const shownRows = at.only ? rows.filter((r) => r.m.id === at.only) : rows;
	const tagRows = shownRows.length
		? await db
				.select()
				.from(messageTag)
				.where(
					inArray(
						messageTag.messageId,
						shownRows.map((r) => r.m.id)
					)
				)
		: [];
	const tags = new Map<string, string[]>();
	for (const t of tagRows) tags.set(t.messageId, [...(tags.get(t.messageId) ?? []), t.tag].sort());
	const readable = (m: typeof message.$inferSelect) => !m.deletedAt && (!m.hiddenAt || access.canModerate);
	const handles = await knownHandles(
		db,
		shownRows.filter((r) => readable(r.m)).map((r) => r.m.body)
	);
	const byId = new Map(rows.map((r) => [r.m.id, r]));
	const rootOf = (id: string): string => {
		let at = byId.get(id);
		for (let i = 0; at?.m.parentId && byId.has(at.m.parentId) && i < 100; i++) at = byId.get(at.m.parentId);
		return at!.m.id;
	};
	const views: MessageView[] = shownRows.map(({ m, handle, name }) => {
		const root = m.parentId && byId.has(m.parentId) ? rootOf(m.id) : null;
		const parent = m.parentId ? byId.get(m.parentId) : undefined;
		const facts = { authorId: m.authorId, deleted: m.deletedAt !== null };
		const shown = readable(m);
		return {
			id: m.id,
			parentId: root,
			replyTo: parent && root && parent.m.id !== root ? { id: parent.m.id, author: person(parent.handle, parent.name) } : null,
			author: person(handle, name),
			body: shown ? m.body : null,
			html: shown ? renderMessage(m.body, { ...at, handles }) : null,
			createdAt: m.createdAt,
			editedAt: m.editedAt,
			deleted: m.deletedAt !== null,
			hidden: m.hiddenAt !== null,
			tags: m.deletedAt || (m.hiddenAt && !access.canModerate) ? [] : (tags.get(m.id) ?? []),
			canEdit: canEditMessage(viewer, facts, access.facts),
			canDelete: canDeleteMessage(viewer, facts),
			canReport: canReportMessage(viewer, facts)
		};
	});
	const ordered = at.only ? views : views.filter((v) => !v.parentId).flatMap((top) => [top, ...views.filter((v) => v.parentId === top.id)]);
	const first = rows.find((r) => !r.m.parentId);
	// An admin reading a thread only through the role is logged (DESIGN §6).
	if (seesOnlyAsAdmin(viewer, (v) => canReadThread(v, access.places))) await logAdminView(db, viewer, 'thread', access.thread.id);
	const firstText = first && !first.m.deletedAt && !first.m.hiddenAt ? first.m.body : '';
	const [authorRow] = access.thread.authorId
		? await db
				.select({ handle: profile.handle, name: profile.displayName })
				.from(profile)
				.where(eq(profile.accountId, access.thread.authorId))
		: [];
	return {
		id: access.thread.id,
		title: threadTitle(access.thread.title, firstText),
		hasTitle: access.thread.title.trim() !== '',
		// Its home, unless the viewer may not read there: then the first community they may read it in.
		home: access.readablePlaces[0],
		place,
		shownIn: access.readablePlaces,
		author: authorRow ? person(authorRow.handle, authorRow.name) : null,
		createdAt: access.thread.createdAt,
		lastMessageAt: access.thread.lastMessageAt,
		locked: access.facts.locked,
		canPost: access.canPost,
		canModerate: access.canModerate,
		messageCount: rows.filter((r) => !r.m.deletedAt && !r.m.hiddenAt).length,
		excerpt: excerpt(plainText(firstText), 200),
		messages: ordered
	};
}
