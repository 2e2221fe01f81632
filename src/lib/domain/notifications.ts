// Notifications: who is emailed when, what a digest holds, and the signed one-click unsubscribe (issue 6, ADR 10).
// Pure rules; the use cases and queries are in src/lib/server/notifications/.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canReadConversation } from './conversations.ts';
import { canReadThread, canViewNote, type CommunityVisibility, type DiscussionPlace, type NoteFacts } from './visibility.ts';
import type { Viewer } from './viewer.ts';

export const EMAIL_FREQUENCIES = ['immediate', 'daily', 'weekly', 'off'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
export type DigestFrequency = 'daily' | 'weekly';

/**
 * Without a choice, a community's notifications arrive in a daily digest: one mail a day at most is what members of
 * a busy community expect from a forum (Discourse's "daily summary"), and a reply still reaches them within a day.
 * Immediate mail for every message would be noise; weekly would make a question wait too long.
 */
export const DEFAULT_EMAIL_FREQUENCY: EmailFrequency = 'daily';

/** Digests go out at this local hour, daily, and on Mondays for the weekly one. */
export const DIGEST_TIME_ZONE = 'America/Montreal';
export const DIGEST_HOUR = 7;
const WEEKLY_DAY = 1; // Monday

/** A digest never reaches back further than this: older unsent items (a long outage) are left in the app only. */
export const DIGEST_LOOKBACK_DAYS: Record<DigestFrequency, number> = { daily: 3, weekly: 10 };

/**
 * How an item is emailed. A community's items follow the member's preference for it (default daily). Items without
 * a community (direct messages, co-author invitations) are personal and go out at once, unless the person turned
 * such mail off (no per-account table exists yet: ADR 10).
 */
export function emailFrequencyFor(
	item: { communityId: string | null },
	communityPreference: EmailFrequency | null,
	personalOff: boolean
): EmailFrequency {
	if (item.communityId === null) return personalOff ? 'off' : 'immediate';
	return communityPreference ?? DEFAULT_EMAIL_FREQUENCY;
}

/** What decides whether a recipient may (still) be told about an item. */
export type NotificationFacts = {
	/** The community the item belongs to, with its visibility; null for personal items. */
	community: { id: string; visibility: CommunityVisibility } | null;
	/** The communities the item's thread is shown in (home and cross-posts); null when it names no thread. */
	threadPlaces: readonly DiscussionPlace[] | null;
	/** The message was deleted or hidden since: its excerpt must not travel further. */
	messageGone: boolean;
	/** The participants of the item's conversation (direct messages); null when it names none. */
	conversationParticipants?: readonly string[] | null;
	/**
	 * The note the item is about (a note shared, a co-author invitation), with those invited to co-author it; null
	 * when it names none.
	 */
	note?: { facts: NoteFacts; inviteeIds: readonly string[] } | null;
};

/**
 * Whoever may see the note (canViewNote), and those invited to co-author it while it is not deleted: "My notes"
 * shows them its title until they answer, so their invitation may too.
 */
function maySeeNoteOf(viewer: Viewer, note: NonNullable<NotificationFacts['note']>): boolean {
	if (canViewNote(viewer, note.facts)) return true;
	return viewer.kind === 'account' && !note.facts.deleted && note.inviteeIds.includes(viewer.id);
}

/**
 * Whether the recipient may see a notification: a thread's item whoever may read the thread (canReadThread), a
 * community's item (a membership request, an approval) the active members of a closed or secret community and
 * anyone for a public one, a personal item its recipient. Someone who left a closed community is no longer told
 * anything of it: not in the app, not by email. A direct message's item, its conversation's participants only. An
 * item about a note, only while the recipient may see the note: made private, unpublished or deleted, it is gone
 * (a co-author invitation stays for its invitee until the note is deleted). Its SQL twin is in
 * server/notifications/visibility-filter.ts.
 */
export function canSeeNotification(viewer: Viewer, facts: NotificationFacts): boolean {
	if (viewer.kind !== 'account') return false;
	if (facts.messageGone) return false;
	if (facts.conversationParticipants && !canReadConversation(viewer, facts.conversationParticipants)) return false;
	if (facts.note && !maySeeNoteOf(viewer, facts.note)) return false;
	if (facts.threadPlaces !== null) return canReadThread(viewer, facts.threadPlaces);
	if (facts.community !== null) return canReadThread(viewer, [facts.community]);
	return true;
}

// ---- digest schedule -----------------------------------------------------------------------------------------

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(at: Date, timeZone: string): Wall {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, f);
	}
	const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, Number(p.value)]));
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

const offsetAt = (at: Date, timeZone: string): number => {
	const w = wallClock(at, timeZone);
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000;
};

/** The instant at which the wall clock of `timeZone` reads this date and hour (daylight saving time included). */
export function zonedTime(year: number, month: number, day: number, hour: number, timeZone: string): Date {
	const guess = Date.UTC(year, month - 1, day, hour);
	let at = guess - offsetAt(new Date(guess), timeZone);
	// The offset at the answer may differ from the offset at the guess when a change of time lies between them.
	at = guess - offsetAt(new Date(at), timeZone);
	return new Date(at);
}

/**
 * The next digest time strictly after `after`: 07:00 in Montréal every day (daily) or every Monday (weekly). A run
 * missed while the app was down is made up at start-up, then the schedule moves to the next time after now, so
 * several missed runs make one digest, never a burst.
 */
export function nextDigestRun(frequency: DigestFrequency, after: Date, timeZone = DIGEST_TIME_ZONE): Date {
	const today = wallClock(after, timeZone);
	for (let i = 0; i < 9; i++) {
		const date = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
		if (frequency === 'weekly' && date.getUTCDay() !== WEEKLY_DAY) continue;
		const at = zonedTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), DIGEST_HOUR, timeZone);
		if (at.getTime() > after.getTime()) return at;
	}
	throw new Error('unreachable: a digest time exists within nine days');
}

// ---- digest content ------------------------------------------------------------------------------------------

export type DigestItem = {
	id: string;
	communityId: string | null;
	communityName: string;
	threadId: string | null;
	title: string;
	path: string;
	createdAt: Date;
};

export type DigestGroup = {
	communityId: string | null;
	communityName: string;
	threads: { threadId: string | null; title: string; path: string; count: number }[];
};

/**
 * Groups a digest's items by community (by name) and then by thread (most recent activity first): a thread named
 * once with how many items it holds, its link the latest item's. Items without a thread stand alone.
 */
export function groupDigest(items: readonly DigestItem[]): DigestGroup[] {
	const groups = new Map<string, DigestGroup & { latest: Map<string, number> }>();
	const sorted = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
	for (const item of sorted) {
		const key = item.communityId ?? '';
		let group = groups.get(key);
		if (!group)
			groups.set(key, (group = { communityId: item.communityId, communityName: item.communityName, threads: [], latest: new Map() }));
		const threadKey = item.threadId ?? `item:${item.id}`;
		const index = group.latest.get(threadKey);
		if (index === undefined) {
			group.latest.set(threadKey, group.threads.length);
			group.threads.push({ threadId: item.threadId, title: item.title, path: item.path, count: 1 });
		} else group.threads[index].count++;
	}
	return [...groups.values()]
		.map(({ communityId, communityName, threads }) => ({ communityId, communityName, threads }))
		.sort((a, b) => a.communityName.localeCompare(b.communityName));
}

// ---- one-click unsubscribe token (RFC 8058) ---------------------------------------------------------------------

/** What an unsubscribe link turns off: one community's mail, or all mail of the account. */
export type UnsubscribeScope = { accountId: string; communityId: string | null };

const ALL = '*';
const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');

/**
 * A link that works without signing in must carry its own proof: the account and community, signed with the
 * instance's secret (HMAC-SHA256). It never expires, as mail clients keep old messages; it only ever turns mail off.
 */
export function signUnsubscribeToken(secret: string, scope: UnsubscribeScope): string {
	const payload = Buffer.from(`${scope.accountId}:${scope.communityId ?? ALL}`).toString('base64url');
	return `${payload}.${sign(secret, payload)}`;
}

/** The scope a token names, or null when it was not made with this secret (or was altered). */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeScope | null {
	const match = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!match) return null;
	const [, payload, mac] = match;
	const expected = Buffer.from(sign(secret, payload));
	if (!timingSafeEqual(expected, Buffer.from(mac))) return null;
	const [accountId, communityId] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
	if (!accountId || !communityId) return null;
	return { accountId, communityId: communityId === ALL ? null : communityId };
}
