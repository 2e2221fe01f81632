// Reads shared by the discussion use cases: a thread's facts, the places it is shown in, who hosts them.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DiscussionPlace } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { schema, type Db } from '../db/index.ts';

const { community, membership, message, thread, threadCommunity, profile } = schema;

export type Place = DiscussionPlace & { slug: string; name: string };
export type ThreadRow = typeof thread.$inferSelect;
export type MessageRow = typeof message.$inferSelect;

export const placeColumns = { id: community.id, slug: community.slug, name: community.name, visibility: community.visibility };

/** The communities a thread is shown in, its home first, then by name. */
export async function placesOf(db: Db, threadId: string): Promise<Place[]> {
	return db
		.select(placeColumns)
		.from(threadCommunity)
		.innerJoin(community, eq(community.id, threadCommunity.communityId))
		.innerJoin(thread, eq(thread.id, threadCommunity.threadId))
		.where(eq(threadCommunity.threadId, threadId))
		.orderBy(sql`${community.id} = ${thread.communityId} desc`, asc(community.name));
}

/** Places of many threads at once, by thread id. */
export async function placesOfMany(db: Db, threadIds: string[]): Promise<Map<string, Place[]>> {
	const out = new Map<string, Place[]>();
	if (!threadIds.length) return out;
	const rows = await db
		.select({ threadId: threadCommunity.threadId, ...placeColumns })
		.from(threadCommunity)
		.innerJoin(community, eq(community.id, threadCommunity.communityId))
		.innerJoin(thread, eq(thread.id, threadCommunity.threadId))
		.where(inArray(threadCommunity.threadId, threadIds))
		.orderBy(sql`${community.id} = ${thread.communityId} desc`, asc(community.name));
	for (const { threadId, ...place } of rows) {
		out.set(threadId, [...(out.get(threadId) ?? []), place]);
	}
	return out;
}

export const findThread = async (db: Db, id: string): Promise<ThreadRow | undefined> =>
	(await db.select().from(thread).where(eq(thread.id, id)))[0];

export const findMessage = async (db: Db, id: string): Promise<MessageRow | undefined> =>
	(await db.select().from(message).where(eq(message.id, id)))[0];

/** Communities where the viewer is an active host. */
export async function hostedCommunities(db: Db, viewer: Viewer): Promise<Set<string>> {
	if (viewer.kind !== 'account') return new Set();
	const rows = await db
		.select({ id: membership.communityId })
		.from(membership)
		.where(and(eq(membership.accountId, viewer.id), eq(membership.role, 'host'), eq(membership.status, 'active')));
	return new Set(rows.map((r) => r.id));
}

/** Accounts by handle (lower-case), for @mentions: id and handle of those that exist. */
export async function accountsByHandle(db: Db, handles: string[]): Promise<Map<string, string>> {
	if (!handles.length) return new Map();
	const rows = await db
		.select({ id: profile.accountId, handle: profile.handle })
		.from(profile)
		.where(inArray(sql`lower(${profile.handle})`, handles));
	return new Map(rows.map((r) => [r.handle.toLowerCase(), r.id]));
}

/** Active members of a community, for the "new thread" notification. */
export async function activeMemberIds(db: Db, communityId: string): Promise<string[]> {
	const rows = await db
		.select({ id: membership.accountId })
		.from(membership)
		.where(and(eq(membership.communityId, communityId), eq(membership.status, 'active')));
	return rows.map((r) => r.id);
}

/** The communities where the viewer is an active member, by name: where they may cross-post. */
export async function ownPlaces(db: Db, viewer: Viewer): Promise<Place[]> {
	if (viewer.kind !== 'account' || viewer.activeCommunityIds.size === 0) return [];
	return db
		.select(placeColumns)
		.from(community)
		.where(inArray(community.id, [...viewer.activeCommunityIds]))
		.orderBy(asc(community.name));
}
