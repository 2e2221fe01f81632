// One place that loads a thread with what the viewer may do in it; every use case starts here, so a thread the
// viewer may not read is missing (NotFoundError) whatever the action.
import { asc, eq, sql } from 'drizzle-orm';
import { NotFoundError } from '../../domain/errors.ts';
import { canModerateThread, canPostInThread, type ThreadFacts } from '../../domain/discussions.ts';
import { canReadThread } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { schema, type Db } from '../db/index.ts';
import { findMessage, placeColumns, type MessageRow, type Place, type ThreadRow } from './queries.ts';

const { community, membership, message, thread, threadCommunity } = schema;

export type ThreadAccess = {
	thread: ThreadRow;
	/** Every community it is shown in, home first. */
	places: Place[];
	/** Those of them the viewer may read discussions of. */
	readablePlaces: Place[];
	facts: ThreadFacts;
	canPost: boolean;
	canModerate: boolean;
	/** The message that opened it, whose body names an untitled thread; '' when there is none. */
	firstId: string | null;
	firstBody: string;
};

/** A community where the viewer may read discussions: public, or an active member's (admins: all). */
export const canReadIn = (viewer: Viewer, place: Place) => canReadThread(viewer, [place]);

/**
 * Everything the rules need, in one statement (posting is measured against 30 ms): the thread, a row per community
 * it is shown in (home first, then by name) with whether the viewer hosts it, and the opening message's body.
 */
async function loadThread(db: Db, viewer: Viewer, threadId: string) {
	const viewerId = viewer.kind === 'account' ? viewer.id : null;
	return db
		.select({
			thread,
			place: placeColumns,
			hosted: viewerId
				? sql<boolean>`exists (select 1 from ${membership} where ${membership.communityId} = ${community.id}
					and ${membership.accountId} = ${viewerId} and ${membership.role} = 'host' and ${membership.status} = 'active')`
				: sql<boolean>`false`,
			first: sql<string[] | null>`(select array[${message.id}, ${message.body}] from ${message}
				where ${message.threadId} = ${thread.id} and ${message.parentId} is null order by ${message.createdAt}, ${message.id} limit 1)`
		})
		.from(thread)
		.innerJoin(threadCommunity, eq(threadCommunity.threadId, thread.id))
		.innerJoin(community, eq(community.id, threadCommunity.communityId))
		.where(eq(thread.id, threadId))
		.orderBy(sql`${community.id} = ${thread.communityId} desc`, asc(community.name));
}

export async function threadAccess(db: Db, viewer: Viewer, threadId: string): Promise<ThreadAccess> {
	const rows = await loadThread(db, viewer, threadId);
	const places = rows.map((r) => r.place);
	if (!rows.length || !canReadThread(viewer, places)) throw new NotFoundError('No such thread');
	const facts: ThreadFacts = { locked: rows[0].thread.lockedAt !== null, communityIds: places.map((p) => p.id) };
	const hosted = new Set(rows.filter((r) => r.hosted).map((r) => r.place.id));
	return {
		thread: rows[0].thread,
		places,
		readablePlaces: places.filter((p) => canReadIn(viewer, p)),
		facts,
		canPost: canPostInThread(viewer, facts),
		canModerate: canModerateThread(viewer, facts, hosted),
		firstId: rows[0].first?.[0] ?? null,
		firstBody: rows[0].first?.[1] ?? ''
	};
}

/** A message with its thread's access; missing when the viewer may not read its thread. */
export async function messageAccess(db: Db, viewer: Viewer, messageId: string): Promise<ThreadAccess & { message: MessageRow }> {
	const message = await findMessage(db, messageId);
	if (!message) throw new NotFoundError('No such message');
	return { ...(await threadAccess(db, viewer, message.threadId)), message };
}
