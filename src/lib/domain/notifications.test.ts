import { describe, expect, it } from 'vitest';
import {
	canSeeNotification,
	DEFAULT_EMAIL_FREQUENCY,
	emailFrequencyFor,
	groupDigest,
	nextDigestRun,
	signUnsubscribeToken,
	verifyUnsubscribeToken,
	zonedTime,
	type NotificationFacts
} from './notifications.ts';
import type { Viewer } from './viewer.ts';
import type { NoteFacts } from './visibility.ts';

const at = (iso: string) => new Date(iso);

describe('nextDigestRun (America/Montreal)', () => {
	it.each([
		// Winter (EST, UTC−5): 07:00 is 12:00Z.
		['daily', '2026-01-15T11:59:59Z', '2026-01-15T12:00:00.000Z'],
		['daily', '2026-01-15T12:00:00Z', '2026-01-16T12:00:00.000Z'],
		// Summer (EDT, UTC−4): 07:00 is 11:00Z.
		['daily', '2026-07-01T03:00:00Z', '2026-07-01T11:00:00.000Z'],
		// Late evening in Montréal is already the next day in UTC.
		['daily', '2026-07-02T02:00:00Z', '2026-07-02T11:00:00.000Z'],
		// Across the spring change (8 March 2026): the Sunday run is EST, Monday's EDT.
		['daily', '2026-03-08T12:30:00Z', '2026-03-09T11:00:00.000Z'],
		['daily', '2026-03-07T13:00:00Z', '2026-03-08T11:00:00.000Z'],
		// Across the autumn change (1 November 2026).
		['daily', '2026-10-31T12:00:00Z', '2026-11-01T12:00:00.000Z'],
		// Weekly: Mondays. 2026-11-27 is a Friday; the next Monday is 30 November.
		['weekly', '2026-11-27T15:00:00Z', '2026-11-30T12:00:00.000Z'],
		['weekly', '2026-11-30T11:59:00Z', '2026-11-30T12:00:00.000Z'],
		['weekly', '2026-11-30T12:00:00Z', '2026-12-07T12:00:00.000Z'],
		['weekly', '2026-06-29T12:00:00Z', '2026-07-06T11:00:00.000Z']
	] as const)('%s after %s is %s', (frequency, after, expected) => {
		expect(nextDigestRun(frequency, at(after)).toISOString()).toBe(expected);
	});

	it('is always strictly in the future and on the local hour', () => {
		for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3600_000 + 13 * 60_000) {
			const next = nextDigestRun('daily', new Date(t));
			expect(next.getTime()).toBeGreaterThan(t);
			expect(next.getTime() - t).toBeLessThanOrEqual(25 * 3600_000);
			const hour = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal', hour: 'numeric', hourCycle: 'h23' }).format(next);
			expect(hour).toBe('07');
		}
	});

	it('converts a wall-clock time to an instant', () => {
		expect(zonedTime(2026, 12, 25, 7, 'America/Montreal').toISOString()).toBe('2026-12-25T12:00:00.000Z');
		expect(zonedTime(2026, 6, 24, 7, 'America/Montreal').toISOString()).toBe('2026-06-24T11:00:00.000Z');
	});
});

describe('emailFrequencyFor', () => {
	it('follows the community preference, daily by default; personal items go at once unless turned off', () => {
		expect(DEFAULT_EMAIL_FREQUENCY).toBe('daily');
		expect(emailFrequencyFor({ communityId: 'c' }, null, false)).toBe('daily');
		expect(emailFrequencyFor({ communityId: 'c' }, 'weekly', true)).toBe('weekly');
		expect(emailFrequencyFor({ communityId: null }, 'weekly', false)).toBe('immediate');
		expect(emailFrequencyFor({ communityId: null }, null, true)).toBe('off');
	});
});

describe('canSeeNotification', () => {
	const member: Viewer = { kind: 'account', id: 'a', isAdmin: false, activeCommunityIds: new Set(['closed']) };
	const former: Viewer = { kind: 'account', id: 'b', isAdmin: false, activeCommunityIds: new Set() };
	const closed = { id: 'closed', visibility: 'closed' as const };
	const pub = { id: 'pub', visibility: 'public' as const };
	const facts = (f: Partial<NotificationFacts>): NotificationFacts => ({ community: null, threadPlaces: null, messageGone: false, ...f });
	const note = (f: Partial<NoteFacts>, inviteeIds: string[] = []) => ({
		facts: { status: 'published', visibility: 'public', communityId: null, authorIds: ['z'], deleted: false, ...f } as NoteFacts,
		inviteeIds
	});
	it.each([
		['member, closed thread', member, facts({ community: closed, threadPlaces: [closed] }), true],
		['former member, closed thread', former, facts({ community: closed, threadPlaces: [closed] }), false],
		['former member, thread cross-posted to a public community', former, facts({ community: closed, threadPlaces: [closed, pub] }), true],
		['former member, closed community item', former, facts({ community: closed }), false],
		['anyone, public community item', former, facts({ community: pub }), true],
		['member, message deleted since', member, facts({ community: closed, threadPlaces: [closed], messageGone: true }), false],
		['personal item', former, facts({}), true],
		['direct message, participant', member, facts({ conversationParticipants: ['a', 'z'] }), true],
		['direct message, not a participant', former, facts({ conversationParticipants: ['a', 'z'] }), false],
		['anonymous', { kind: 'anonymous' } as Viewer, facts({}), false],
		['note shared, public note', former, facts({ community: pub, threadPlaces: [pub], note: note({}) }), true],
		[
			'note shared, note made private since',
			former,
			facts({ community: pub, threadPlaces: [pub], note: note({ visibility: 'private' }) }),
			false
		],
		['note shared, note unpublished since', former, facts({ community: pub, threadPlaces: [pub], note: note({ status: 'draft' }) }), false],
		['note shared, note deleted since', former, facts({ community: pub, threadPlaces: [pub], note: note({ deleted: true }) }), false],
		['note shared, community note, member', member, facts({ note: note({ visibility: 'community', communityId: 'closed' }) }), true],
		[
			'note shared, community note, former member',
			former,
			facts({ note: note({ visibility: 'community', communityId: 'closed' }) }),
			false
		],
		['co-author invitation to a draft, invitee', former, facts({ note: note({ status: 'draft', visibility: 'private' }, ['b']) }), true],
		['co-author invitation, note deleted since', former, facts({ note: note({ status: 'draft', deleted: true }, ['b']) }), false],
		['co-author invitation, answered since (no longer invited)', former, facts({ note: note({ status: 'draft' }) }), false],
		['note made private, its author', member, facts({ note: note({ visibility: 'private', authorIds: ['a'] }) }), true]
	])('%s', (_, viewer, f, expected) => {
		expect(canSeeNotification(viewer, f)).toBe(expected);
	});
});

describe('groupDigest', () => {
	it('groups by community name, then thread, latest first, counting items', () => {
		const item = (id: string, communityId: string, communityName: string, threadId: string | null, minute: number) => ({
			id,
			communityId,
			communityName,
			threadId,
			title: `T ${threadId ?? id}`,
			path: `/g/x/t/${threadId ?? id}#${id}`,
			createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute))
		});
		const groups = groupDigest([
			item('1', 'b', 'Bêta', 't1', 1),
			item('2', 'b', 'Bêta', 't1', 5),
			item('3', 'a', 'Alpha', 't2', 2),
			item('4', 'b', 'Bêta', 't3', 3),
			item('5', 'a', 'Alpha', null, 4)
		]);
		expect(groups.map((g) => g.communityName)).toEqual(['Alpha', 'Bêta']);
		expect(groups[1].threads).toEqual([
			{ threadId: 't1', title: 'T t1', path: '/g/x/t/t1#2', count: 2 },
			{ threadId: 't3', title: 'T t3', path: '/g/x/t/t3#4', count: 1 }
		]);
		expect(groups[0].threads.map((t) => t.threadId)).toEqual([null, 't2']);
	});
});

describe('unsubscribe tokens', () => {
	const secret = 'a-secret-of-at-least-thirty-two-characters';
	it('round-trips one community or all', () => {
		for (const scope of [
			{ accountId: 'acc123', communityId: 'com456' },
			{ accountId: 'acc123', communityId: null }
		]) {
			const token = signUnsubscribeToken(secret, scope);
			expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
			expect(verifyUnsubscribeToken(secret, token)).toEqual(scope);
		}
	});
	it('refuses another secret, an altered payload or garbage', () => {
		const token = signUnsubscribeToken(secret, { accountId: 'acc123', communityId: 'com456' });
		expect(verifyUnsubscribeToken('another-secret-of-thirty-two-characters!', token)).toBeNull();
		const [, mac] = token.split('.');
		const forged = `${Buffer.from('acc999:com456').toString('base64url')}.${mac}`;
		expect(verifyUnsubscribeToken(secret, forged)).toBeNull();
		expect(verifyUnsubscribeToken(secret, 'nope')).toBeNull();
		expect(verifyUnsubscribeToken(secret, `${token}x`)).toBeNull();
	});
});
