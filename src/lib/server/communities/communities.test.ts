import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAdminViews } from '../admin/index.ts';
import { schema } from '../db/index.ts';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { canViewCommunity } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import {
	acceptInvitation,
	changeRole,
	createCommunity,
	CreateCommunityInput,
	decideRequest,
	getCommunity,
	inviteByEmail,
	joinCommunity,
	leaveCommunity,
	listCommunities
} from './index.ts';
import { firstFreeSlug, slugFromName } from './slugs.ts';
import { findCommunityBySlug, findMembership } from './queries.ts';

const t = useTestContext();
let n = 0;
async function makeCommunity(visibility: 'public' | 'closed' | 'secret') {
	const host = await makeAccount(t.ctx);
	const slug = `${visibility}-${++n}-${Math.random().toString(36).slice(2, 6)}`;
	await createCommunity(t.ctx.db, await host.viewer(), { slug, name: `Community ${slug}`, description: 'About', visibility });
	return { slug, host };
}

describe('joining', () => {
	it('joins a public community at once and shows the member list to everyone', async () => {
		const { slug } = await makeCommunity('public');
		const a = await makeAccount(t.ctx);
		expect(await joinCommunity(t.ctx, await a.viewer(), slug)).toBe('active');
		const view = await getCommunity(t.ctx.db, anonymous, slug);
		expect(view.members?.map((x) => x.handle)).toContain(a.handle);
		expect(view.memberCount).toBe(2);
		await expect(joinCommunity(t.ctx, await a.viewer(), slug)).rejects.toThrow(ConflictError);
	});

	it('turns a join into a request for a closed community, notifies hosts, and a host approves it', async () => {
		const { slug, host } = await makeCommunity('closed');
		const a = await makeAccount(t.ctx);
		expect(await joinCommunity(t.ctx, await a.viewer(), slug)).toBe('pending');
		const told = await t.ctx.db.select().from(schema.notification).where(eq(schema.notification.accountId, host.id));
		expect(told.map((n) => [n.kind, n.actorId])).toEqual([['membership_request', a.id]]);
		const outsiderView = await getCommunity(t.ctx.db, await a.viewer(), slug);
		expect(outsiderView.members).toBeNull();
		expect(outsiderView.pending).toBeNull();
		const hostView = await getCommunity(t.ctx.db, await host.viewer(), slug);
		expect(hostView.pending?.map((x) => x.accountId)).toEqual([a.id]);
		await expect(decideRequest(t.ctx.db, await a.viewer(), slug, a.id, 'approve')).rejects.toThrow(ForbiddenError);
		await decideRequest(t.ctx.db, await host.viewer(), slug, a.id, 'approve');
		const memberView = await getCommunity(t.ctx.db, await a.viewer(), slug);
		expect(memberView.membership?.status).toBe('active');
		expect(memberView.members?.map((x) => x.accountId)).toContain(a.id);
	});

	it('lets a host decline a request', async () => {
		const { slug, host } = await makeCommunity('closed');
		const a = await makeAccount(t.ctx);
		await joinCommunity(t.ctx, await a.viewer(), slug);
		await decideRequest(t.ctx.db, await host.viewer(), slug, a.id, 'decline');
		const c = (await findCommunityBySlug(t.ctx.db, slug))!;
		expect(await findMembership(t.ctx.db, c.id, a.id)).toBeNull();
	});

	it('keeps the last host from leaving, lets members leave', async () => {
		const { slug, host } = await makeCommunity('public');
		const a = await makeAccount(t.ctx);
		await joinCommunity(t.ctx, await a.viewer(), slug);
		await expect(leaveCommunity(t.ctx.db, await host.viewer(), slug)).rejects.toThrow(ConflictError);
		await changeRole(t.ctx.db, await host.viewer(), slug, a.id, 'host');
		await leaveCommunity(t.ctx.db, await host.viewer(), slug);
		await leaveCommunity(t.ctx.db, await a.viewer(), slug).catch((e) => expect(e).toBeInstanceOf(ConflictError));
	});
});

describe('secret communities', () => {
	it('answer 404 to outsiders, anonymous readers and in listings', async () => {
		const { slug } = await makeCommunity('secret');
		const outsider = await makeAccount(t.ctx);
		await expect(getCommunity(t.ctx.db, anonymous, slug)).rejects.toThrow(NotFoundError);
		await expect(getCommunity(t.ctx.db, await outsider.viewer(), slug)).rejects.toThrow(NotFoundError);
		await expect(joinCommunity(t.ctx, await outsider.viewer(), slug)).rejects.toThrow(NotFoundError);
		await expect(inviteByEmail(t.ctx, await outsider.viewer(), slug, 'x@example.org', 'fr')).rejects.toThrow(NotFoundError);
		expect((await listCommunities(t.ctx.db, anonymous)).map((c) => c.slug)).not.toContain(slug);
		expect((await listCommunities(t.ctx.db, await outsider.viewer())).map((c) => c.slug)).not.toContain(slug);
	});

	it('become visible to an invited account, which accepts', async () => {
		const { slug, host } = await makeCommunity('secret');
		const a = await makeAccount(t.ctx, { locale: 'en' });
		expect(await inviteByEmail(t.ctx, await host.viewer(), slug, a.email, 'fr')).toBe('member-invited');
		const mail = t.ctx.mailer.sent.at(-1)!;
		expect(mail.link).toContain(`/en/g/${slug}`);
		const view = await getCommunity(t.ctx.db, await a.viewer(), slug);
		expect(view.joinAction).toBe('accept-invitation');
		expect(view.members).toBeNull();
		expect(await joinCommunity(t.ctx, await a.viewer(), slug)).toBe('active');
		expect((await getCommunity(t.ctx.db, await a.viewer(), slug)).members).not.toBeNull();
	});

	it('invite a new address with a single-use link', async () => {
		const { slug, host } = await makeCommunity('secret');
		await inviteByEmail(t.ctx, await host.viewer(), slug, 'newcomer@example.org', 'fr');
		const token = new URL(t.ctx.mailer.sent.at(-1)!.link!).searchParams.get('token')!;
		const newcomer = await makeAccount(t.ctx);
		await acceptInvitation(t.ctx.db, await newcomer.viewer(), slug, token);
		expect((await getCommunity(t.ctx.db, await newcomer.viewer(), slug)).membership?.status).toBe('active');
		const other = await makeAccount(t.ctx);
		await expect(acceptInvitation(t.ctx.db, await other.viewer(), slug, token)).rejects.toThrow(NotFoundError);
	});
});

describe('visibility filter', () => {
	it('agrees with canViewCommunity for every viewer and visibility', async () => {
		const communities = await Promise.all((['public', 'closed', 'secret'] as const).map(makeCommunity));
		const member = await makeAccount(t.ctx);
		const invitee = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		const outsider = await makeAccount(t.ctx);
		const secret = communities[2];
		await inviteByEmail(t.ctx, await secret.host.viewer(), secret.slug, member.email, 'fr');
		await joinCommunity(t.ctx, await member.viewer(), secret.slug);
		await inviteByEmail(t.ctx, await secret.host.viewer(), secret.slug, invitee.email, 'fr');
		const viewers: Viewer[] = [anonymous, await member.viewer(), await invitee.viewer(), await admin.viewer(), await outsider.viewer()];
		for (const viewer of viewers) {
			const listed = new Set((await listCommunities(t.ctx.db, viewer)).map((c) => c.slug));
			for (const { slug } of communities) {
				const c = (await findCommunityBySlug(t.ctx.db, slug))!;
				const membership = await findMembership(t.ctx.db, c.id, viewer.kind === 'account' ? viewer.id : null);
				expect(listed.has(slug), `${viewer.kind} ${slug}`).toBe(canViewCommunity(viewer, c, membership));
			}
		}
	});
});

describe('creating', () => {
	it('proposes a free slug from the name when none is given, and refuses reserved ones', async () => {
		const host = await makeAccount(t.ctx);
		const name = `Bibliothèques & tiers-lieux ${Math.random().toString(36).slice(2, 6)}`;
		const input = (slug: string) => CreateCommunityInput.parse({ slug, name, description: '', visibility: 'public' });
		const first = await createCommunity(t.ctx.db, await host.viewer(), input('  '));
		expect(first.slug).toMatch(/^bibliotheques-tiers-lieux-[a-z0-9]+$/);
		const second = await createCommunity(t.ctx.db, await host.viewer(), input(''));
		expect(second.slug).toBe(`${first.slug}-2`);
		expect(() => input('new')).toThrow(/slug_reserved/);
		await expect(createCommunity(t.ctx.db, await host.viewer(), input(first.slug.toUpperCase()))).rejects.toThrow(ConflictError);
	});

	it('proposes a slug for names without Latin letters', () => {
		expect(slugFromName('日本語')).toBe('communaute');
		expect(slugFromName('L’Île — Québec')).toBe('lile-quebec');
		expect(firstFreeSlug('new', new Set())).toBe('new-2');
	});
});

describe('host view', () => {
	it('lists open emailed invitations to hosts only', async () => {
		const { slug, host } = await makeCommunity('closed');
		await inviteByEmail(t.ctx, await host.viewer(), slug, 'someone-new@example.org', 'fr');
		expect((await getCommunity(t.ctx.db, await host.viewer(), slug)).invitedEmails?.map((i) => i.email)).toEqual([
			'someone-new@example.org'
		]);
		expect((await getCommunity(t.ctx.db, anonymous, slug)).invitedEmails).toBeNull();
	});
});

describe('leaving', () => {
	it('says which membership ended, so pages can word it', async () => {
		const { slug, host } = await makeCommunity('closed');
		const a = await makeAccount(t.ctx);
		await joinCommunity(t.ctx, await a.viewer(), slug);
		expect(await leaveCommunity(t.ctx.db, await a.viewer(), slug)).toBe('pending');
		await inviteByEmail(t.ctx, await host.viewer(), slug, a.email, 'fr');
		expect(await leaveCommunity(t.ctx.db, await a.viewer(), slug)).toBe('invited');
		await joinCommunity(t.ctx, await a.viewer(), slug);
		const { displayName } = await decideRequest(t.ctx.db, await host.viewer(), slug, a.id, 'approve');
		expect(displayName).toMatch(/^Person /);
		expect(await leaveCommunity(t.ctx.db, await a.viewer(), slug)).toBe('active');
	});
});

describe('admin views', () => {
	it('logs an admin looking into a secret community, not a member', async () => {
		const { slug, host } = await makeCommunity('secret');
		const admin = await makeAccount(t.ctx, { admin: true });
		const community = (await findCommunityBySlug(t.ctx.db, slug))!;
		await getCommunity(t.ctx.db, await host.viewer(), slug);
		expect(await listAdminViews(t.ctx.db, 'community', community.id)).toEqual([]);
		await getCommunity(t.ctx.db, await admin.viewer(), slug);
		expect((await listAdminViews(t.ctx.db, 'community', community.id)).map((v) => v.adminId)).toEqual([admin.id]);
	});
});
