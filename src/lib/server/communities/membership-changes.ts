import { and, eq } from 'drizzle-orm';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import { canManageCommunity, canViewCommunity, joinActionFor } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { notify } from '../notifications/notify.ts';
import { findCommunityBySlug, findDisplayName, findMembership } from './queries.ts';

const { membership } = schema;

async function load(db: Db, viewer: Viewer, slug: string) {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in first');
	const community = await findCommunityBySlug(db, slug);
	if (!community) throw new NotFoundError('No such community');
	const current = await findMembership(db, community.id, viewer.id);
	if (!canViewCommunity(viewer, community, current)) throw new NotFoundError('No such community');
	return { community, current, accountId: viewer.id };
}

/**
 * Joins a public community, asks to join a closed one (hosts are notified, and mailed per their preference), or
 * accepts an invitation.
 * Returns the resulting status. Throws NotFoundError for a secret community without invitation.
 */
export async function joinCommunity(ctx: Ctx, viewer: Viewer, slug: string): Promise<'active' | 'pending'> {
	const { community, current, accountId } = await load(ctx.db, viewer, slug);
	const action = joinActionFor(viewer, community, current);
	if (action === 'accept-invitation') {
		await ctx.db
			.update(membership)
			.set({ status: 'active', updatedAt: new Date() })
			.where(and(eq(membership.communityId, community.id), eq(membership.accountId, accountId)));
		return 'active';
	}
	if (action === 'none') {
		if (current) throw new ConflictError(current.status === 'pending' ? 'Request already sent' : 'Already a member');
		throw new NotFoundError('No such community');
	}
	const status = action === 'join' ? 'active' : 'pending';
	await ctx.db.transaction(async (tx) => {
		const added = await tx
			.insert(membership)
			.values({ communityId: community.id, accountId, role: 'member', status })
			.onConflictDoNothing()
			.returning({ id: membership.accountId });
		if (status !== 'pending' || !added.length) return;
		// The hosts' bell (and their email preference): someone asks to join.
		const hosts = await tx
			.select({ id: membership.accountId })
			.from(membership)
			.where(and(eq(membership.communityId, community.id), eq(membership.role, 'host'), eq(membership.status, 'active')));
		const payload = { title: community.name, excerpt: '', path: `/g/${community.slug}` };
		await notify(
			tx,
			hosts.map((h) => ({ accountId: h.id, kind: 'membership_request' as const, actorId: accountId, communityId: community.id, payload }))
		);
	});
	return status;
}

/**
 * Leaves a community, withdraws a request or declines an invitation; returns the status that ended, so the page
 * can say which. The last host must hand over first (ConflictError community_last_host).
 */
export async function leaveCommunity(db: Db, viewer: Viewer, slug: string): Promise<'active' | 'pending' | 'invited'> {
	const { community, current, accountId } = await load(db, viewer, slug);
	if (!current) throw new ConflictError('Not a member');
	if (current.role === 'host' && current.status === 'active') {
		const hosts = await db
			.select({ id: membership.accountId })
			.from(membership)
			.where(and(eq(membership.communityId, community.id), eq(membership.role, 'host'), eq(membership.status, 'active')));
		if (hosts.length <= 1) throw new ConflictError('The last host cannot leave', { _: ['community_last_host'] });
	}
	await db.delete(membership).where(and(eq(membership.communityId, community.id), eq(membership.accountId, accountId)));
	return current.status;
}

/**
 * A host approves or declines a pending request; returns the requester's display name for the notice.
 * Throws ForbiddenError for members, NotFoundError for unknown requests.
 */
export async function decideRequest(db: Db, viewer: Viewer, slug: string, accountId: string, decision: 'approve' | 'decline') {
	const { community, current } = await load(db, viewer, slug);
	if (!canManageCommunity(viewer, current)) throw new ForbiddenError('Only hosts decide on requests');
	const where = and(eq(membership.communityId, community.id), eq(membership.accountId, accountId), eq(membership.status, 'pending'));
	const changed = await db.transaction(async (tx) => {
		if (decision === 'decline') return tx.delete(membership).where(where).returning({ id: membership.accountId });
		const approved = await tx
			.update(membership)
			.set({ status: 'active', updatedAt: new Date() })
			.where(where)
			.returning({ id: membership.accountId });
		if (approved.length)
			await notify(tx, [
				{
					accountId,
					kind: 'membership_approved',
					actorId: viewer.kind === 'account' ? viewer.id : null,
					communityId: community.id,
					payload: { title: community.name, excerpt: '', path: `/g/${community.slug}` }
				}
			]);
		return approved;
	});
	if (changed.length === 0) throw new NotFoundError('No such request');
	return { displayName: await findDisplayName(db, accountId) };
}

/** A host makes an active member a host, or a host a member again (never the last host); returns their display name. */
export async function changeRole(db: Db, viewer: Viewer, slug: string, accountId: string, role: 'host' | 'member') {
	const { community, current } = await load(db, viewer, slug);
	if (!canManageCommunity(viewer, current)) throw new ForbiddenError('Only hosts change roles');
	if (role === 'member') {
		const hosts = await db
			.select({ id: membership.accountId })
			.from(membership)
			.where(and(eq(membership.communityId, community.id), eq(membership.role, 'host'), eq(membership.status, 'active')));
		if (hosts.length <= 1 && hosts[0]?.id === accountId)
			throw new ConflictError('The last host cannot step down', { _: ['community_last_host'] });
	}
	const changed = await db
		.update(membership)
		.set({ role, updatedAt: new Date() })
		.where(and(eq(membership.communityId, community.id), eq(membership.accountId, accountId), eq(membership.status, 'active')))
		.returning({ id: membership.accountId });
	if (changed.length === 0) throw new NotFoundError('No such member');
	return { displayName: await findDisplayName(db, accountId) };
}
