// One place that loads a thread with what the viewer may do in it; every use case starts here, so a thread the
// viewer may not read is missing (NotFoundError) whatever the action.
import { NotFoundError } from '../../domain/errors.ts';
import { canModerateThread, canPostInThread, type ThreadFacts } from '../../domain/discussions.ts';
import { canReadThread } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { findMessage, findThread, hostedCommunities, placesOf, type MessageRow, type Place, type ThreadRow } from './queries.ts';

export type ThreadAccess = {
	thread: ThreadRow;
	/** Every community it is shown in, home first. */
	places: Place[];
	/** Those of them the viewer may read discussions of. */
	readablePlaces: Place[];
	facts: ThreadFacts;
	canPost: boolean;
	canModerate: boolean;
};

/** A community where the viewer may read discussions: public, or an active member's (admins: all). */
export const canReadIn = (viewer: Viewer, place: Place) => canReadThread(viewer, [place]);

export async function threadAccess(db: Db, viewer: Viewer, threadId: string): Promise<ThreadAccess> {
	const thread = await findThread(db, threadId);
	if (!thread) throw new NotFoundError('No such thread');
	const places = await placesOf(db, thread.id);
	if (!canReadThread(viewer, places)) throw new NotFoundError('No such thread');
	const facts: ThreadFacts = { locked: thread.lockedAt !== null, communityIds: places.map((p) => p.id) };
	return {
		thread,
		places,
		readablePlaces: places.filter((p) => canReadIn(viewer, p)),
		facts,
		canPost: canPostInThread(viewer, facts),
		canModerate: canModerateThread(viewer, facts, await hostedCommunities(db, viewer))
	};
}

/** A message with its thread's access; missing when the viewer may not read its thread. */
export async function messageAccess(db: Db, viewer: Viewer, messageId: string): Promise<ThreadAccess & { message: MessageRow }> {
	const message = await findMessage(db, messageId);
	if (!message) throw new NotFoundError('No such message');
	return { ...(await threadAccess(db, viewer, message.threadId)), message };
}
