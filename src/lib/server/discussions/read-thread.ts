// A thread as the viewer may see it: its messages in order (each top-level message followed by its replies), the
// text of deleted messages gone and that of hidden ones shown to hosts only.
import { asc, eq, sql } from 'drizzle-orm';
import { NotFoundError } from '../../domain/errors.ts';
import { canDeleteMessage, canEditMessage, canReportMessage, excerpt, plainText, threadTitle } from '../../domain/discussions.ts';
import { canReadThread, seesOnlyAsAdmin } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { logAdminView } from '../admin/index.ts';
import { schema, type Db } from '../db/index.ts';
import { canReadIn, threadAccess, type ThreadAccess } from './access.ts';
import { filesColumn, type MessageFile } from './message-files.ts';
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
	/** Its files (none when its text is not shown); the HTML shows them too. */
	files: MessageFile[];
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

type MessageRowWithAuthor = {
	m: typeof message.$inferSelect;
	handle: string | null;
	name: string | null;
	tags: string[];
	files: MessageFile[];
};

/**
 * A thread's messages with their authors' names and their tags, oldest first; with `only`, that message and the
 * messages it answers up to its top-level one (what placing it needs), whatever the length of the thread.
 */
function readMessages(db: Db, threadId: string, only?: string): Promise<MessageRowWithAuthor[]> {
	const chain = sql`${message.id} in (with recursive up(id, parent_id, depth) as (
			select ${message.id}, ${message.parentId}, 0 from ${message} where ${message.id} = ${only ?? null} and ${message.threadId} = ${threadId}
			union all
			select m.id, m.parent_id, up.depth + 1 from ${message} m join up on m.id = up.parent_id where up.depth < 100
		) select id from up)`;
	return db
		.select({
			m: message,
			handle: profile.handle,
			name: profile.displayName,
			tags: sql<string[]>`coalesce((select array_agg(${messageTag.tag} order by ${messageTag.tag}) from ${messageTag}
				where ${messageTag.messageId} = ${message.id}), '{}')`,
			files: filesColumn(message.id)
		})
		.from(message)
		.leftJoin(profile, eq(profile.accountId, message.authorId))
		.where(only ? chain : eq(message.threadId, threadId))
		.orderBy(asc(message.createdAt), asc(message.id));
}

/** The views of `shown` among `rows` (which hold every message they answer), as the viewer may see them. */
async function viewsOf(
	db: Db,
	viewer: Viewer,
	access: ThreadAccess,
	rows: MessageRowWithAuthor[],
	shown: MessageRowWithAuthor[],
	at: RenderAt
): Promise<MessageView[]> {
	const readable = (m: typeof message.$inferSelect) => !m.deletedAt && (!m.hiddenAt || access.canModerate);
	const handles = await knownHandles(
		db,
		shown.filter((r) => readable(r.m)).map((r) => r.m.body)
	);
	const byId = new Map(rows.map((r) => [r.m.id, r]));
	const rootOf = (id: string): string => {
		let at = byId.get(id);
		for (let i = 0; at?.m.parentId && byId.has(at.m.parentId) && i < 100; i++) at = byId.get(at.m.parentId);
		return at!.m.id;
	};
	return shown.map(({ m, handle, name, tags, files }) => {
		const root = m.parentId && byId.has(m.parentId) ? rootOf(m.id) : null;
		const parent = m.parentId ? byId.get(m.parentId) : undefined;
		const facts = { authorId: m.authorId, deleted: m.deletedAt !== null };
		const visible = readable(m);
		return {
			id: m.id,
			parentId: root,
			replyTo: parent && root && parent.m.id !== root ? { id: parent.m.id, author: person(parent.handle, parent.name) } : null,
			author: person(handle, name),
			body: visible ? m.body : null,
			html: visible ? renderMessage(m.body, { ...at, handles }, files) : null,
			createdAt: m.createdAt,
			editedAt: m.editedAt,
			deleted: m.deletedAt !== null,
			hidden: m.hiddenAt !== null,
			tags: visible ? tags : [],
			files: visible ? files : [],
			canEdit: canEditMessage(viewer, facts, access.facts),
			canDelete: canDeleteMessage(viewer, facts),
			canReport: canReportMessage(viewer, facts)
		};
	});
}

/** The community the thread is read in: the one of `slug` when given, else the first the viewer may read. */
function placeOf(viewer: Viewer, access: ThreadAccess, slug?: string): Place {
	const place = slug ? access.places.find((p) => p.slug.toLowerCase() === slug.toLowerCase()) : access.readablePlaces[0];
	if (!place || !canReadIn(viewer, place)) throw new NotFoundError('No such thread');
	return place;
}

// An admin reading a thread only through the role is logged (DESIGN §6).
async function logIfOnlyAsAdmin(db: Db, viewer: Viewer, access: ThreadAccess): Promise<void> {
	if (seesOnlyAsAdmin(viewer, (v) => canReadThread(v, access.places))) await logAdminView(db, viewer, 'thread', access.thread.id);
}

/**
 * One message of a thread, as the viewer may see it, with the community it is read in: what a writer is answered
 * with, without rendering the rest of the thread. NotFoundError when the viewer may not read it.
 */
export async function getMessage(
	db: Db,
	viewer: Viewer,
	threadId: string,
	messageId: string,
	at: RenderAt & { slug?: string }
): Promise<{ threadId: string; place: Place; message: MessageView }> {
	return showMessage(db, viewer, await threadAccess(db, viewer, threadId), messageId, at);
}

/** getMessage with the thread's access already read (by the write that answers with it). */
export async function showMessage(
	db: Db,
	viewer: Viewer,
	access: ThreadAccess,
	messageId: string,
	at: RenderAt & { slug?: string }
): Promise<{ threadId: string; place: Place; message: MessageView }> {
	const place = placeOf(viewer, access, at.slug);
	const threadId = access.thread.id;
	const rows = await readMessages(db, threadId, messageId);
	const own = rows.filter((r) => r.m.id === messageId);
	if (!own.length) throw new NotFoundError('No such message');
	await logIfOnlyAsAdmin(db, viewer, access);
	const [view] = await viewsOf(db, viewer, access, rows, own, at);
	return { threadId, place, message: view };
}

/**
 * The thread, read in the community `slug` when given: missing (NotFoundError) when the viewer may not read it
 * there, or it is not shown there.
 */
export async function getThread(db: Db, viewer: Viewer, threadId: string, at: RenderAt & { slug?: string }): Promise<ThreadView> {
	const access = await threadAccess(db, viewer, threadId);
	const place = placeOf(viewer, access, at.slug);
	const rows = await readMessages(db, threadId);
	const views = await viewsOf(db, viewer, access, rows, rows, at);
	const ordered = views.filter((v) => !v.parentId).flatMap((top) => [top, ...views.filter((v) => v.parentId === top.id)]);
	await logIfOnlyAsAdmin(db, viewer, access);
	const first = rows.find((r) => !r.m.parentId);
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
