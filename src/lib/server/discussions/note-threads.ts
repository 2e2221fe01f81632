// Notes in discussions: "Discuss this note" (the one thread about a note, made on first use), sharing a note into its
// community's discussion, what the note page shows of that thread, and the note cards of a thread.
//
// A thread about a note never copies the note's text: its cards are read from `message.shared_note_id` for each
// viewer and shown only to those who may see the note (domain/note-threads.ts says why and when the title may be
// the note's).
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { excerpt, plainText } from '../../domain/discussions.ts';
import { newId } from '../../domain/ids.ts';
import { canSeeNoteCard, canShareNote, isDiscussable, threadMayNameNote } from '../../domain/note-threads.ts';
import { canReadThread, canViewNote } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { enforceLimit, viewerOf } from '../accounts/index.ts';
import { DEFAULT_MESSAGING_LIMITS } from '../config.ts';
import { schema, type Db } from '../db/index.ts';
import { findNotesWithFacts } from '../notes/index.ts';
import type { NotificationInput } from '../notifications/notify.ts';
import { publish } from '../realtime/publish.ts';
import { canReadIn, threadAccess, type ThreadAccess } from './access.ts';
import { addMentions, writeTags } from './message-text.ts';
import { noticesFor, sendNotices } from './notices.ts';
import { activeMemberIds, placeColumns, type Place, type ThreadRow } from './queries.ts';
import { MESSAGE_MAX } from './schemas.ts';
import { noteThreadTitle, refreshNoteThreadTitles } from './note-thread-title.ts';
import { insertThread, touchThread } from './write-thread.ts';

const { community, message, thread } = schema;

export const ShareNoteInput = z
	.object({
		comment: z
			.string()
			.trim()
			.max(MESSAGE_MAX, 'message_body_too_long')
			.default('')
			.describe('Optional Markdown shown under the card; #hashtags and @mentions work as in any message')
	})
	.meta({ id: 'ShareNote' });
export type ShareNoteInput = z.infer<typeof ShareNoteInput>;

export const NoteShareJson = z
	.object({
		threadId: z.string(),
		messageId: z.string().describe('The message carrying the card'),
		url: z.url().describe('The card in its thread')
	})
	.meta({ id: 'NoteShare' });

/** A note as a card in a discussion: what its page's header shows, never its body. */
export type NoteCard = {
	id: string;
	title: string;
	summary: string;
	language: string;
	authors: { handle: string; name: string }[];
	externalAuthors: string[];
};

/** What the note page shows of the note's discussion; null when the viewer may see nothing of it. */
export type NoteDiscussion = {
	/** The community it is (or would be) discussed in, one the viewer may read. */
	place: { slug: string; name: string };
	/** The thread, when it exists: its messages the viewer may see (neither deleted nor hidden). */
	thread: { id: string; messageCount: number } | null;
	/** Without a thread yet: an active member starts it; others sign in or join a public community first. */
	start: 'start' | 'sign-in' | 'join' | null;
	/** The viewer is an author who may share the note into that discussion now. */
	canShare: boolean;
};

type Found = NonNullable<Awaited<ReturnType<typeof findNotesWithFacts>> extends Map<string, infer V> ? V : never>;

/** The note as this viewer may see it, with its facts; missing (404) otherwise, as everywhere. */
async function visibleNote(db: Db, viewer: Viewer, noteId: string): Promise<Found> {
	const found = (await findNotesWithFacts(db, [noteId])).get(noteId);
	if (!found || !canViewNote(viewer, found.facts)) throw new NotFoundError('No such note');
	return found;
}

const findNoteThread = async (db: Db, noteId: string): Promise<ThreadRow | undefined> =>
	(await db.select().from(thread).where(eq(thread.noteId, noteId)))[0];

const placeById = async (db: Db, id: string): Promise<Place | undefined> =>
	(await db.select(placeColumns).from(community).where(eq(community.id, id)))[0];

/** Messages everyone who reads the thread sees, as the thread page counts them. */
async function visibleCount(db: Db, threadId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(message)
		.where(and(eq(message.threadId, threadId), isNull(message.deletedAt), isNull(message.hiddenAt)));
	return Number(row?.n ?? 0);
}

/** The thread's access for this viewer, or null when they may not read it. */
const accessOrNull = (db: Db, viewer: Viewer, threadId: string): Promise<ThreadAccess | null> =>
	threadAccess(db, viewer, threadId).catch((e: unknown) => {
		if (e instanceof NotFoundError) return null;
		throw e;
	});

// Both drivers report a unique violation as SQLSTATE 23505; Drizzle wraps it in `cause`.
const isUniqueViolation = (e: unknown): boolean => {
	const err = e as { code?: string; cause?: { code?: string } } | undefined;
	return err?.code === '23505' || err?.cause?.code === '23505';
};

/** Runs `work` again once when a concurrent request made the note's thread first (thread_note_idx). */
async function onceMoreIfRaced<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (!isUniqueViolation(e)) throw e;
		return work();
	}
}

const titleFor = (found: Found, places: Place[]) => (threadMayNameNote(found.facts, places) ? found.row.title : '');

/** Keeps the thread's title the note's current one while everyone who reads it may see the note; empties it otherwise. */
async function syncTitle(db: Db, t: ThreadRow, found: Found): Promise<void> {
	const title = await noteThreadTitle(db, t.id, found);
	if (t.title !== title) await db.update(thread).set({ title }).where(eq(thread.id, t.id));
}

/**
 * Renames or unnames the thread about a note after the note changed (title, visibility, status, community,
 * deletion). The notes capability calls refreshNoteThreadTitles (note-thread-title.ts) itself; this is the same for
 * one note, for callers outside it.
 */
export const refreshNoteThreadTitle = (db: Db, noteId: string): Promise<void> => refreshNoteThreadTitles(db, [noteId], findNotesWithFacts);

/** What the note page shows of the note's discussion. The note is one the viewer may see (its page checked). */
export async function getNoteDiscussion(db: Db, viewer: Viewer, noteId: string): Promise<NoteDiscussion | null> {
	const found = (await findNotesWithFacts(db, [noteId])).get(noteId);
	if (!found || !canViewNote(viewer, found.facts)) return null;
	const existing = await findNoteThread(db, noteId);
	if (existing) {
		const access = await accessOrNull(db, viewer, existing.id);
		if (!access) return null;
		const place = access.readablePlaces[0];
		return {
			place: { slug: place.slug, name: place.name },
			thread: { id: existing.id, messageCount: await visibleCount(db, existing.id) },
			start: null,
			canShare: canShareNote(viewer, found.facts) && access.canPost
		};
	}
	const communityId = found.row.communityId;
	if (!communityId || !isDiscussable(found.facts)) return null;
	const home = await placeById(db, communityId);
	if (!home || !canReadIn(viewer, home)) return null;
	const member = viewer.kind === 'account' && viewer.activeCommunityIds.has(home.id);
	const start = member ? 'start' : viewer.kind === 'anonymous' ? 'sign-in' : home.visibility === 'public' ? 'join' : null;
	return { place: { slug: home.slug, name: home.name }, thread: null, start, canShare: member && canShareNote(viewer, found.facts) };
}

/** The home of a new thread about the note: its community, where the viewer must be an active member. */
async function homeFor(db: Db, viewer: Extract<Viewer, { kind: 'account' }>, found: Found): Promise<Place> {
	if (!isDiscussable(found.facts))
		throw new ValidationError('Only a published note shared beyond its authors is discussed', { _: ['discussion_note_not_discussable'] });
	const communityId = found.row.communityId;
	if (!communityId) throw new ValidationError('The note is linked to no community', { _: ['discussion_note_no_community'] });
	const home = await placeById(db, communityId);
	if (!home) throw new ValidationError('The note is linked to no community', { _: ['discussion_note_no_community'] });
	// Whether or not the viewer may read there, the answer is the same: it tells nothing of the thread.
	if (!viewer.activeCommunityIds.has(home.id))
		throw new ForbiddenError('Only members start a discussion', { _: ['discussion_members_only'] });
	return home;
}

export type NoteThreadRef = { threadId: string; slug: string; created: boolean };

/**
 * "Discuss this note": the thread about the note, made on first use by an active member of its community (its first
 * message the note's card, nobody notified: the discussion starts with the first reply). Someone who may read an
 * existing thread gets it; anyone else who may see the note is refused (403) whether it exists or not.
 */
export async function discussNote(db: Db, viewer: Viewer, noteId: string): Promise<NoteThreadRef> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to discuss a note');
	const found = await visibleNote(db, viewer, noteId);
	return onceMoreIfRaced(async () => {
		const existing = await findNoteThread(db, noteId);
		if (existing) {
			const access = await accessOrNull(db, viewer, existing.id);
			if (!access) throw new ForbiddenError('Only members read this discussion', { _: ['discussion_members_only'] });
			return { threadId: existing.id, slug: access.readablePlaces[0].slug, created: false };
		}
		const home = await homeFor(db, viewer, found);
		const { threadId } = await db.transaction((tx) =>
			insertThread(tx, {
				home,
				alsoIn: [],
				authorId: viewer.id,
				title: titleFor(found, [home]),
				body: '',
				noteId,
				sharedNoteId: noteId,
				announce: false
			})
		);
		return { threadId, slug: home.slug, created: true };
	});
}

/**
 * An author shares their note into its community's discussion: a card (with their optional comment) in the note's
 * thread, made if needed. The active members of the communities it is shown in who may see the note (and read the
 * thread) are notified ('note_shared'); its page updates live. Each share counts against the author's hourly limit
 * (config.messagingLimits.sharesPerHour), in the sharing transaction: past it, RateLimitedError
 * (`share_rate_limited`).
 */
export async function shareNote(
	db: Db,
	viewer: Viewer,
	noteId: string,
	input: ShareNoteInput,
	sharesPerHour: number = DEFAULT_MESSAGING_LIMITS.sharesPerHour
): Promise<NoteThreadRef & { messageId: string }> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to share a note');
	const found = await visibleNote(db, viewer, noteId);
	if (!found.facts.authorIds.includes(viewer.id))
		throw new ForbiddenError('Only its authors share a note', { _: ['discussion_share_authors_only'] });
	if (!canShareNote(viewer, found.facts)) await homeFor(db, viewer, found); // throws the reason
	return onceMoreIfRaced(() =>
		db.transaction(async (tx) => {
			await enforceLimit(tx, `share:${viewer.id}`, { windowSeconds: 3600, max: sharesPerHour }, { _: ['share_rate_limited'] });
			const existing = await findNoteThread(tx, noteId);
			let t: ThreadRow;
			let places: Place[];
			let messageId: string;
			let created = false;
			const mentionNotices: NotificationInput[] = [];
			if (existing) {
				const access = await accessOrNull(tx, viewer, existing.id);
				if (!access || !access.canPost) {
					if (access?.facts.locked) throw new ForbiddenError('The thread is locked', { _: ['discussion_thread_locked'] });
					throw new ForbiddenError('Only members post', { _: ['discussion_members_only'] });
				}
				({ thread: t, places } = access);
				messageId = newId();
				const now = new Date();
				await tx
					.insert(message)
					.values({ id: messageId, threadId: t.id, authorId: viewer.id, body: input.comment, sharedNoteId: noteId, createdAt: now });
				await writeTags(tx, messageId, input.comment, { fresh: true });
				const mentioned = await addMentions(tx, messageId, input.comment);
				await touchThread(tx, t.id, now);
				await publish(tx, { type: 'message', change: 'created', threadId: t.id, messageId, communityIds: places.map((p) => p.id) });
				const about = { thread: t, places, firstBody: access.firstBody, messageId, body: input.comment, actorId: viewer.id };
				mentionNotices.push(...(await noticesFor(tx, about, [['mention', mentioned]])));
			} else {
				const home = await homeFor(tx, viewer, found);
				const ids = await insertThread(tx, {
					home,
					alsoIn: [],
					authorId: viewer.id,
					title: titleFor(found, [home]),
					body: input.comment,
					noteId,
					sharedNoteId: noteId,
					announce: false
				});
				messageId = ids.messageId;
				created = true;
				t = (await tx.select().from(thread).where(eq(thread.id, ids.threadId)))[0];
				places = [home];
			}
			await syncTitle(tx, t, found);
			const shared = await sharedNotices(tx, { found, places, threadId: t.id, messageId, comment: input.comment, actorId: viewer.id });
			await sendNotices(tx, [...shared, ...mentionNotices]);
			return { threadId: t.id, slug: places.find((p) => canReadIn(viewer, p))?.slug ?? places[0].slug, created, messageId };
		})
	);
}

/** 'note_shared' for the active members of each place who may see the note and read the thread, there. */
async function sharedNotices(
	db: Db,
	a: { found: Found; places: Place[]; threadId: string; messageId: string; comment: string; actorId: string }
): Promise<NotificationInput[]> {
	const items: NotificationInput[] = [];
	const seen = new Set<string>([a.actorId]);
	const text = a.comment ? plainText(a.comment) : a.found.row.summary;
	for (const place of a.places) {
		for (const accountId of await activeMemberIds(db, place.id)) {
			if (seen.has(accountId)) continue;
			seen.add(accountId);
			const member = await viewerOf(db, accountId);
			if (!canViewNote(member, a.found.facts) || !canReadThread(member, [place])) continue;
			items.push({
				accountId,
				kind: 'note_shared',
				actorId: a.actorId,
				communityId: place.id,
				threadId: a.threadId,
				messageId: a.messageId,
				noteId: a.found.row.id,
				payload: {
					title: a.found.row.title,
					excerpt: excerpt(text, 200),
					path: `/g/${place.slug}/t/${a.threadId}#m-${a.messageId}`
				}
			});
		}
	}
	return items;
}

const cardOf = (f: Found): NoteCard => ({
	id: f.row.id,
	title: f.row.title,
	summary: f.row.summary,
	language: f.row.language,
	authors: f.authors.map((a) => ({ handle: a.handle, name: a.displayName })),
	externalAuthors: f.row.externalAuthors ?? []
});

/**
 * The note cards of a thread's messages, by message id, for this viewer: only the notes they may see (a note they
 * may not see leaves no trace: no title, no placeholder). Deleted messages carry none.
 */
export async function noteCardsOf(db: Db, viewer: Viewer, threadId: string): Promise<Record<string, NoteCard>> {
	const rows = await db
		.select({ id: message.id, noteId: message.sharedNoteId })
		.from(message)
		.where(and(eq(message.threadId, threadId), isNotNull(message.sharedNoteId), isNull(message.deletedAt)));
	if (!rows.length) return {};
	const notes = await findNotesWithFacts(db, [...new Set(rows.map((r) => r.noteId!))]);
	const cards: Record<string, NoteCard> = {};
	for (const r of rows) {
		const f = notes.get(r.noteId!);
		if (f && canSeeNoteCard(viewer, f.facts)) cards[r.id] = cardOf(f);
	}
	return cards;
}

/** The id of the thread about a note, when the viewer may see the note and read the thread; NotFoundError otherwise. */
export async function noteThreadId(db: Db, viewer: Viewer, noteId: string): Promise<string> {
	await visibleNote(db, viewer, noteId);
	const existing = await findNoteThread(db, noteId);
	if (!existing || !(await accessOrNull(db, viewer, existing.id))) throw new NotFoundError('No discussion of this note');
	return existing.id;
}
