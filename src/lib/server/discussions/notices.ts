// Who hears of a new thread or message (notify(): the bell and the emails), decided with the same reading rule
// as pages: nobody is told of a thread they may not read, and each path leads to a community they may read it in.
import { excerpt, plainText, threadTitle } from '../../domain/discussions.ts';
import { canReadThread } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { viewersOf } from '../accounts/index.ts';
import type { Db } from '../db/index.ts';
import { notify, type NotificationInput } from '../notifications/notify.ts';
import type { LiveEvent } from '../realtime/publish.ts';
import { activeMemberIds, type Place, type ThreadRow } from './queries.ts';

type Kind = 'reply' | 'mention' | 'thread';
type About = { thread: ThreadRow; places: Place[]; firstBody: string; messageId: string; body: string; actorId: string };

const payloadOf = (a: About, place: Place) => ({
	title: threadTitle(a.thread.title, a.firstBody),
	excerpt: excerpt(plainText(a.body), 200),
	path: `/g/${place.slug}/t/${a.thread.id}#m-${a.messageId}`
});

function item(a: About, accountId: string, kind: Kind, place: Place): NotificationInput {
	return {
		accountId,
		kind,
		actorId: a.actorId,
		communityId: place.id,
		threadId: a.thread.id,
		messageId: a.messageId,
		payload: payloadOf(a, place)
	};
}

/** The first place, home first, where this account may read the thread; null when none. */
function placeFor(viewer: Viewer, places: Place[]): Place | null {
	return places.find((p) => canReadThread(viewer, [p])) ?? null;
}

/** Notices for accounts, by kind, each where they may read the thread; those who may not read it are skipped. */
export async function noticesFor(db: Db, a: About, byKind: [Kind, (string | null)[]][]): Promise<NotificationInput[]> {
	const wanted = byKind.map(([kind, ids]) => [kind, ids.filter((id): id is string => !!id && id !== a.actorId)] as const);
	const viewers = await viewersOf(
		db,
		wanted.flatMap(([, ids]) => ids)
	);
	const items: NotificationInput[] = [];
	for (const [kind, ids] of wanted) {
		for (const id of ids) {
			const viewer = viewers.get(id);
			const place = viewer ? placeFor(viewer, a.places) : null;
			if (place) items.push(item(a, id, kind, place));
		}
	}
	return items;
}

/** A new thread: the active members of each community it is shown in, there. */
export async function newThreadNotices(db: Db, a: About): Promise<NotificationInput[]> {
	const items: NotificationInput[] = [];
	for (const place of a.places) for (const id of await activeMemberIds(db, place.id)) items.push(item(a, id, 'thread', place));
	return items;
}

/**
 * Sends notices; an account named twice hears once, of the first (a mention before the new thread). `events`: the
 * write's own live events, sent with the notices' in one statement.
 */
export const sendNotices = (db: Db, items: NotificationInput[], events: LiveEvent[] = []) => notify(db, items, { events });
