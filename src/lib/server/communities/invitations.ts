import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import { newId, newSecret } from '../../domain/ids.ts';
import { canManageCommunity } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { m } from '../i18n.ts';
import { findCommunityBySlug, findMembership } from './queries.ts';

const { communityInvitation, membership, user, profile } = schema;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const INVITATION_DAYS = 14;

/**
 * A host invites someone by email. An existing account gets an `invited` membership (the community page offers
 * to accept); an unknown address gets a single-use link that works after signing up. Returns which happened.
 */
export async function inviteByEmail(
	ctx: Ctx,
	viewer: Viewer,
	slug: string,
	email: string,
	lang: 'fr' | 'en'
): Promise<'member-invited' | 'email-invited'> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in first');
	const community = await findCommunityBySlug(ctx.db, slug);
	if (!community) throw new NotFoundError('No such community');
	const own = await findMembership(ctx.db, community.id, viewer.id);
	if (!canManageCommunity(viewer, own)) {
		if (own?.status === 'active' || community.visibility !== 'secret') throw new ForbiddenError('Only hosts invite');
		throw new NotFoundError('No such community');
	}
	const [invitee] = await ctx.db
		.select({ id: user.id, locale: profile.locale })
		.from(user)
		.innerJoin(profile, eq(profile.accountId, user.id))
		.where(eq(user.email, email));
	const base = `${ctx.config.publicUrl}`;
	if (invitee) {
		const existing = await findMembership(ctx.db, community.id, invitee.id);
		if (existing?.status === 'active') throw new ConflictError('Already a member', { email: ['community_already_member'] });
		if (existing?.status === 'pending') {
			// They asked already: an invitation from a host is an approval.
			await ctx.db
				.update(membership)
				.set({ status: 'active', updatedAt: new Date() })
				.where(and(eq(membership.communityId, community.id), eq(membership.accountId, invitee.id)));
		} else if (!existing) {
			await ctx.db
				.insert(membership)
				.values({ communityId: community.id, accountId: invitee.id, role: 'member', status: 'invited', invitedBy: viewer.id });
		}
		const url = `${base}/${invitee.locale}/g/${community.slug}`;
		await ctx.mailer.send({
			to: email,
			subject: m.mail_invitation_subject({ community: community.name }, { locale: invitee.locale }),
			text: m.mail_invitation_body({ community: community.name, url }, { locale: invitee.locale }),
			link: url
		});
		return 'member-invited';
	}
	const token = newSecret();
	await ctx.db.insert(communityInvitation).values({
		id: newId(),
		communityId: community.id,
		email,
		tokenHash: hash(token),
		invitedBy: viewer.id,
		expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000)
	});
	const url = `${base}/${lang}/g/${community.slug}/invitation?token=${token}`;
	await ctx.mailer.send({
		to: email,
		subject: m.mail_invitation_subject({ community: community.name }, { locale: lang }),
		text: m.mail_invitation_new_body({ community: community.name, url, days: INVITATION_DAYS }, { locale: lang }),
		link: url
	});
	return 'email-invited';
}

/** The community an invitation link leads to, without accepting it; NotFoundError for a bad or used link. */
export async function findInvitation(db: Db, slug: string, token: string) {
	const [row] = await db
		.select({
			id: communityInvitation.id,
			communityId: communityInvitation.communityId,
			slug: schema.community.slug,
			name: schema.community.name
		})
		.from(communityInvitation)
		.innerJoin(schema.community, eq(schema.community.id, communityInvitation.communityId))
		.where(
			and(
				eq(communityInvitation.tokenHash, hash(token)),
				isNull(communityInvitation.acceptedAt),
				gt(communityInvitation.expiresAt, new Date()),
				sql`lower(${schema.community.slug}) = ${slug.toLowerCase()}`
			)
		);
	if (!row) throw new NotFoundError('No such invitation');
	return row;
}

/** The signed-in holder of the link becomes an active member; the link then stops working. */
export async function acceptInvitation(db: Db, viewer: Viewer, slug: string, token: string) {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in first');
	const invitation = await findInvitation(db, slug, token);
	await db.transaction(async (tx) => {
		const used = await tx
			.update(communityInvitation)
			.set({ acceptedAt: new Date() })
			.where(and(eq(communityInvitation.id, invitation.id), isNull(communityInvitation.acceptedAt)))
			.returning({ id: communityInvitation.id });
		if (used.length === 0) throw new NotFoundError('No such invitation');
		await tx
			.insert(membership)
			.values({ communityId: invitation.communityId, accountId: viewer.id, role: 'member', status: 'active' })
			.onConflictDoUpdate({ target: [membership.communityId, membership.accountId], set: { status: 'active', updatedAt: new Date() } });
	});
	return { slug: invitation.slug };
}
