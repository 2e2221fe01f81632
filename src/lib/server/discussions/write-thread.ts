// Starting threads. `insertThread` is the one way a thread comes to exist, so a thread about a note
// (findOrCreateNoteThread, later) is made the same way as a light post from the community page.
import { sql } from 'drizzle-orm';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { canReadThread } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { findCommunityBySlug } from '../communities/index.ts';
import { schema, type Db } from '../db/index.ts';
import { insertMessageFiles, type PreparedFile } from './message-files.ts';
import type { Place } from './queries.ts';
import { addMentions, writeTags } from './message-text.ts';
import { newThreadNotices, noticesFor, sendNotices } from './notices.ts';
import type { StartThreadInput } from './schemas.ts';

const { thread, threadCommunity, message } = schema;

export type NewThread = {
	home: Place;
	/** Other communities it is shown in. */
	alsoIn: Place[];
	authorId: string;
	title: string;
	body: string;
	noteId?: string | null;
	sharedNoteId?: string | null;
	/** Whether the active members of its communities hear of it (a light post: yes). */
	announce?: boolean;
	/** Files of its first message, stored already (message-files.ts). */
	files?: PreparedFile[];
};

/**
 * Writes a thread, the rows of the communities it is shown in and its first message, inside the caller's
 * transaction; publishes the live events and sends the notices. Callers have checked the rules.
 */
export async function insertThread(tx: Db, t: NewThread): Promise<{ threadId: string; messageId: string }> {
	const threadId = newId();
	const messageId = newId();
	const places = [t.home, ...t.alsoIn.filter((p) => p.id !== t.home.id)];
	const now = new Date();
	const [row] = await tx
		.insert(thread)
		.values({
			id: threadId,
			communityId: t.home.id,
			noteId: t.noteId ?? null,
			title: t.title,
			authorId: t.authorId,
			createdAt: now,
			lastMessageAt: now
		})
		.returning();
	await tx.insert(threadCommunity).values(places.map((p) => ({ threadId, communityId: p.id })));
	await tx
		.insert(message)
		.values({ id: messageId, threadId, authorId: t.authorId, body: t.body, sharedNoteId: t.sharedNoteId ?? null, createdAt: now });
	await insertMessageFiles(tx, messageId, t.files ?? []);
	await writeTags(tx, messageId, t.body, { fresh: true });
	const mentioned = await addMentions(tx, messageId, t.body);
	const communityIds = places.map((p) => p.id);
	const about = { thread: row, places, firstBody: t.body, messageId, body: t.body, actorId: t.authorId };
	await sendNotices(
		tx,
		[...(await noticesFor(tx, about, [['mention', mentioned]])), ...(t.announce === false ? [] : await newThreadNotices(tx, about))],
		[
			{ type: 'thread', change: 'created', threadId, communityIds },
			{ type: 'message', change: 'created', threadId, messageId, communityIds }
		]
	);
	return { threadId, messageId };
}

async function placeBySlug(db: Db, slug: string): Promise<Place | null> {
	const c = await findCommunityBySlug(db, slug);
	return c ? { id: c.id, slug: c.slug, name: c.name, visibility: c.visibility } : null;
}

/**
 * Starts a thread in a community: a light post (its title is optional) by an active member, cross-posted to other
 * communities where the author is an active member. A community whose discussions the viewer may not read is
 * missing; one they read but are not a member of refuses (403).
 */
export async function startThread(
	db: Db,
	viewer: Viewer,
	slug: string,
	input: StartThreadInput,
	files: PreparedFile[] = []
): Promise<{ threadId: string; messageId: string; slug: string }> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to post');
	const home = await placeBySlug(db, slug);
	if (!home || !canReadThread(viewer, [home])) throw new NotFoundError('No such community');
	if (!viewer.activeCommunityIds.has(home.id)) throw new ForbiddenError('Only members post', { _: ['discussion_members_only'] });
	const alsoIn: Place[] = [];
	for (const other of new Set(input.alsoIn)) {
		const place = await placeBySlug(db, other);
		if (!place || !viewer.activeCommunityIds.has(place.id))
			throw new ValidationError('Cross-posts go to communities the author is a member of', { alsoIn: ['discussion_crosspost_not_member'] });
		if (place.id !== home.id) alsoIn.push(place);
	}
	const ids = await db.transaction((tx) =>
		insertThread(tx, { home, alsoIn, authorId: viewer.id, title: input.title, body: input.body, files })
	);
	return { ...ids, slug: home.slug };
}

/** Marks that a thread has a new message, for the "newest activity first" order. */
export const touchThread = (tx: Db, threadId: string, at: Date) =>
	tx
		.update(thread)
		.set({ lastMessageAt: sql`greatest(${thread.lastMessageAt}, ${at.toISOString()}::timestamptz)` })
		.where(sql`${thread.id} = ${threadId}`);
