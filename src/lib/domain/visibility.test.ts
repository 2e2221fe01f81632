import { describe, expect, it } from 'vitest';
import {
	canEditNote,
	canManageCommunity,
	canViewCommunity,
	canViewMembers,
	canViewNote,
	joinActionFor,
	seesOnlyAsAdmin,
	type MembershipFacts,
	type NoteFacts
} from './visibility.ts';
import { anonymous, type Viewer } from './viewer.ts';

const account = (isAdmin = false): Viewer => ({ kind: 'account', id: 'a', isAdmin, activeCommunityIds: new Set() });
const m = (role: 'host' | 'member', status: 'active' | 'pending' | 'invited'): MembershipFacts => ({ role, status });

// [viewer, membership, visibility, canView, canViewMembers]
const table: [string, Viewer, MembershipFacts, 'public' | 'closed' | 'secret', boolean, boolean][] = [
	['anonymous', anonymous, null, 'public', true, true],
	['anonymous', anonymous, null, 'closed', true, false],
	['anonymous', anonymous, null, 'secret', false, false],
	['outsider', account(), null, 'public', true, true],
	['outsider', account(), null, 'closed', true, false],
	['outsider', account(), null, 'secret', false, false],
	['pending', account(), m('member', 'pending'), 'closed', true, false],
	['pending', account(), m('member', 'pending'), 'secret', false, false],
	['invited', account(), m('member', 'invited'), 'secret', true, false],
	['invited', account(), m('member', 'invited'), 'closed', true, false],
	['member', account(), m('member', 'active'), 'closed', true, true],
	['member', account(), m('member', 'active'), 'secret', true, true],
	['host', account(), m('host', 'active'), 'secret', true, true],
	['admin', account(true), null, 'secret', true, true],
	['admin', account(true), null, 'closed', true, true]
];

describe('community visibility', () => {
	it.each(table)('%s of a %s community', (_, viewer, membership, visibility, view, members) => {
		expect(canViewCommunity(viewer, { visibility }, membership)).toBe(view);
		expect(canViewMembers(viewer, { visibility }, membership)).toBe(members);
	});

	it('lets active hosts and admins manage, nobody else', () => {
		expect(canManageCommunity(account(), m('host', 'active'))).toBe(true);
		expect(canManageCommunity(account(), m('host', 'invited'))).toBe(false);
		expect(canManageCommunity(account(), m('member', 'active'))).toBe(false);
		expect(canManageCommunity(account(true), null)).toBe(true);
		expect(canManageCommunity(anonymous, null)).toBe(false);
	});

	it('offers the right way in', () => {
		expect(joinActionFor(account(), { visibility: 'public' }, null)).toBe('join');
		expect(joinActionFor(account(), { visibility: 'closed' }, null)).toBe('request');
		expect(joinActionFor(account(), { visibility: 'secret' }, null)).toBe('none');
		expect(joinActionFor(account(), { visibility: 'closed' }, m('member', 'pending'))).toBe('none');
		expect(joinActionFor(account(), { visibility: 'secret' }, m('member', 'invited'))).toBe('accept-invitation');
		expect(joinActionFor(anonymous, { visibility: 'public' }, null)).toBe('none');
	});
});

describe('admin-only views', () => {
	it('are those the same account could not see without the role', () => {
		const see = (v: Viewer) => canViewCommunity(v, { visibility: 'secret' }, null);
		expect(seesOnlyAsAdmin(account(true), see)).toBe(true);
		expect(seesOnlyAsAdmin(account(true), (v) => canViewCommunity(v, { visibility: 'public' }, null))).toBe(false);
		expect(seesOnlyAsAdmin(account(false), see)).toBe(false);
		expect(seesOnlyAsAdmin(anonymous, see)).toBe(false);
	});
});

describe('note visibility', () => {
	const author: Viewer = { kind: 'account', id: 'author', isAdmin: false, activeCommunityIds: new Set() };
	const member: Viewer = { kind: 'account', id: 'm', isAdmin: false, activeCommunityIds: new Set(['c1']) };
	const otherMember: Viewer = { kind: 'account', id: 'o', isAdmin: false, activeCommunityIds: new Set(['c2']) };
	const note = (over: Partial<NoteFacts> = {}): NoteFacts => ({
		status: 'published',
		visibility: 'public',
		communityId: 'c1',
		authorIds: ['author'],
		deleted: false,
		...over
	});
	// [case, note, anonymous, other account, community member, author, admin]
	const cases: [string, NoteFacts, boolean, boolean, boolean, boolean, boolean][] = [
		['public published', note(), true, true, true, true, true],
		['public draft', note({ status: 'draft' }), false, false, false, true, true],
		['community published', note({ visibility: 'community' }), false, false, true, true, true],
		['community draft', note({ visibility: 'community', status: 'draft' }), false, false, false, true, true],
		['community without community', note({ visibility: 'community', communityId: null }), false, false, false, true, true],
		['private published', note({ visibility: 'private' }), false, false, false, true, true],
		['deleted public', note({ deleted: true }), false, false, false, false, true]
	];
	it.each(cases)('%s', (_, facts, anon, other, inCommunity, byAuthor, byAdmin) => {
		expect(canViewNote(anonymous, facts)).toBe(anon);
		expect(canViewNote(otherMember, facts)).toBe(other);
		expect(canViewNote(member, facts)).toBe(inCommunity);
		expect(canViewNote(author, facts)).toBe(byAuthor);
		expect(canViewNote(account(true), facts)).toBe(byAdmin);
	});

	it('lets authors and admins edit, nobody else', () => {
		expect(canEditNote(author, note())).toBe(true);
		expect(canEditNote(member, note())).toBe(false);
		expect(canEditNote(account(true), note({ deleted: true }))).toBe(true);
		expect(canEditNote(author, note({ deleted: true }))).toBe(false);
	});
});
