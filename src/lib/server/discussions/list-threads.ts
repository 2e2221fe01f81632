// Lists: a community's threads (newest activity first) and the messages carrying a #hashtag, both only through
// what the viewer may read (visibleThreadFilter), with counts of what the viewer may see.
import { filesColumn } from './message-files.ts';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { NotFoundError } from '../../domain/errors.ts';
import { excerpt, isTag, plainText, threadTitle } from '../../domain/discussions.ts';
import { canReadThread } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { findCommunityBySlug } from '../communities/index.ts';
import { decodeCursor, pageOf } from '../db/cursor.ts';
import { schema, type Db } from '../db/index.ts';
import { canReadIn } from './access.ts';
import { knownHandles, renderMessage } from './message-text.ts';
import { placesOfMany, type Place } from './queries.ts';
import type { MessageView, Person, RenderAt } from './read-thread.ts';
import { visibleThreadFilter } from './visibility-filter.ts';

const { message, messageTag, thread, threadCommunity, profile } = schema;

export type ThreadSummary = {
	id: string;
	title: string;
	hasTitle: boolean;
	home: Place;
	place: Place;
	shownIn: Place[];
	author: Person;
	createdAt: Date;
	lastMessageAt: Date;
	locked: boolean;
	messageCount: number;
	excerpt: string;
};

// The first message's text, unless deleted or hidden: it names an untitled thread and gives its excerpt.
const firstText = sql<string>`coalesce((select case when m.deleted_at is null and m.hidden_at is null then m.body else '' end
	from message m where m.thread_id = ${thread.id} and m.parent_id is null order by m.created_at, m.id limit 1), '')`;
// Messages everyone who reads the thread sees: neither deleted nor hidden.
const visibleCount = sql<number>`(select count(*)::int from message m
	where m.thread_id = ${thread.id} and m.deleted_at is null and m.hidden_at is null)`;

const person = (handle: string | null, name: string | null): Person => (handle ? { handle, name: name ?? handle } : null);

/** Threads shown in a community, newest activity first; missing when the viewer may not read its discussions. */
export async function listThreads(
	db: Db,
	viewer: Viewer,
	slug: string,
	query: { cursor?: string; limit: number }
): Promise<{ community: Place; items: ThreadSummary[]; next: string | null }> {
	const c = await findCommunityBySlug(db, slug);
	const here: Place | null = c ? { id: c.id, slug: c.slug, name: c.name, visibility: c.visibility } : null;
	if (!here || !canReadThread(viewer, [here])) throw new NotFoundError('No such community');
	const after: SQL | undefined = query.cursor
		? (([at, id]) => sql`(${thread.lastMessageAt}, ${thread.id}) < (${at}::timestamptz, ${id})`)(decodeCursor(query.cursor, 2))
		: undefined;
	const rows = await db
		.select({
			t: thread,
			key: sql<string>`${thread.lastMessageAt}::text`,
			handle: profile.handle,
			name: profile.displayName,
			firstText,
			count: visibleCount
		})
		.from(thread)
		.innerJoin(threadCommunity, and(eq(threadCommunity.threadId, thread.id), eq(threadCommunity.communityId, here.id)))
		.leftJoin(profile, eq(profile.accountId, thread.authorId))
		.where(and(visibleThreadFilter(viewer), after))
		.orderBy(desc(thread.lastMessageAt), desc(thread.id))
		.limit(query.limit + 1);
	const { page, next } = pageOf(rows, query.limit, (r) => [r.key, r.t.id]);
	const places = await placesOfMany(
		db,
		page.map((r) => r.t.id)
	);
	return {
		community: here,
		next,
		items: page.map((r) => {
			const all = places.get(r.t.id) ?? [here];
			const shownIn = all.filter((p) => canReadIn(viewer, p));
			return {
				id: r.t.id,
				title: threadTitle(r.t.title, r.firstText),
				hasTitle: r.t.title.trim() !== '',
				// Its home, unless the viewer may not read there: then the first community they may read it in.
				home: shownIn[0] ?? here,
				place: here,
				shownIn,
				author: person(r.handle, r.name),
				createdAt: r.t.createdAt,
				lastMessageAt: r.t.lastMessageAt,
				locked: r.t.lockedAt !== null,
				messageCount: r.count,
				excerpt: excerpt(plainText(r.firstText), 200)
			};
		})
	};
}

export type TaggedMessage = { thread: { id: string; title: string; place: Place }; message: MessageView };

/** Messages carrying a #hashtag, newest first, in the threads the viewer may read; deleted and hidden ones left out. */
export async function listTaggedMessages(
	db: Db,
	viewer: Viewer,
	rawTag: string,
	query: { cursor?: string; limit: number } & RenderAt
): Promise<{ tag: string; items: TaggedMessage[]; next: string | null }> {
	const tag = rawTag.replace(/^#/, '').normalize('NFC').toLowerCase();
	if (!isTag(tag)) return { tag, items: [], next: null };
	const after: SQL | undefined = query.cursor
		? (([at, id]) => sql`(${message.createdAt}, ${message.id}) < (${at}::timestamptz, ${id})`)(decodeCursor(query.cursor, 2))
		: undefined;
	const rows = await db
		.select({
			m: message,
			key: sql<string>`${message.createdAt}::text`,
			threadTitle: thread.title,
			firstText,
			handle: profile.handle,
			name: profile.displayName,
			files: filesColumn(message.id)
		})
		.from(messageTag)
		.innerJoin(message, eq(message.id, messageTag.messageId))
		.innerJoin(thread, eq(thread.id, message.threadId))
		.leftJoin(profile, eq(profile.accountId, message.authorId))
		.where(
			and(eq(messageTag.tag, tag), sql`${message.deletedAt} is null and ${message.hiddenAt} is null`, visibleThreadFilter(viewer), after)
		)
		.orderBy(desc(message.createdAt), desc(message.id))
		.limit(query.limit + 1);
	const { page, next } = pageOf(rows, query.limit, (r) => [r.key, r.m.id]);
	const places = await placesOfMany(db, [...new Set(page.map((r) => r.m.threadId))]);
	const handles = await knownHandles(
		db,
		page.map((r) => r.m.body)
	);
	const items: TaggedMessage[] = [];
	for (const r of page) {
		const place = (places.get(r.m.threadId) ?? []).find((p) => canReadIn(viewer, p));
		if (!place) continue;
		items.push({
			thread: { id: r.m.threadId, title: threadTitle(r.threadTitle, r.firstText), place },
			message: {
				id: r.m.id,
				parentId: r.m.parentId,
				replyTo: null,
				author: person(r.handle, r.name),
				body: r.m.body,
				html: renderMessage(r.m.body, { lang: query.lang, origin: query.origin, handles }, r.files),
				createdAt: r.m.createdAt,
				editedAt: r.m.editedAt,
				deleted: false,
				hidden: false,
				tags: [tag],
				files: r.files,
				canEdit: false,
				canDelete: false,
				canReport: false
			}
		});
	}
	return { tag, items, next };
}
