import { and, asc, count, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { MembershipFacts } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { microsText } from '../db/versions.ts';
import { visibleCommunityFilter, visibleMemberListFilter } from './visibility-filter.ts';

const { community, membership, profile } = schema;

/** A community's row, and its version: what an edit started from (update-community.ts). */
export type CommunityRow = typeof community.$inferSelect & { version: string };

const communityColumns = { ...getTableColumns(community), version: microsText(community.updatedAt) };

export const findCommunityBySlug = async (db: Db, slug: string): Promise<CommunityRow | undefined> =>
	(
		await db
			.select(communityColumns)
			.from(community)
			.where(sql`lower(${community.slug}) = ${slug.toLowerCase()}`)
	)[0];

export async function findMembership(db: Db, communityId: string, accountId: string | null): Promise<MembershipFacts> {
	if (!accountId) return null;
	const [row] = await db
		.select({ role: membership.role, status: membership.status })
		.from(membership)
		.where(and(eq(membership.communityId, communityId), eq(membership.accountId, accountId)));
	return row ?? null;
}

export async function findDisplayName(db: Db, accountId: string): Promise<string> {
	const [row] = await db.select({ name: profile.displayName }).from(profile).where(eq(profile.accountId, accountId));
	return row?.name ?? '';
}

/** Slugs already used by `base` or `base-…`, lower-cased: what a new proposal must avoid. */
export async function listSlugsStartingWith(db: Db, base: string): Promise<Set<string>> {
	const rows = await db
		.select({ slug: sql<string>`lower(${community.slug})` })
		.from(community)
		.where(sql`lower(${community.slug}) = ${base} or lower(${community.slug}) like ${`${base}-%`}`);
	return new Set(rows.map((r) => r.slug));
}

/** Invitations mailed to addresses without an account that are still open, for the hosts' page. */
export const listOpenEmailInvitations = (db: Db, communityId: string) =>
	db
		.select({ email: schema.communityInvitation.email, expiresAt: schema.communityInvitation.expiresAt })
		.from(schema.communityInvitation)
		.where(
			and(
				eq(schema.communityInvitation.communityId, communityId),
				sql`${schema.communityInvitation.acceptedAt} is null and ${schema.communityInvitation.expiresAt} > now()`
			)
		)
		.orderBy(asc(schema.communityInvitation.email));

/** What a list of communities shows of each: the card fields and the count of active members. */
export const communityCardColumns = {
	id: community.id,
	slug: community.slug,
	name: community.name,
	description: community.description,
	visibility: community.visibility,
	kind: community.kind,
	region: community.region,
	memberCount: sql<number>`(select count(*)::int from ${membership} where ${membership.communityId} = ${community.id} and ${membership.status} = 'active')`
};

/** Communities the viewer may know exist, with their count of active members. */
export const listCommunities = (db: Db, viewer: Viewer) =>
	db.select(communityCardColumns).from(community).where(visibleCommunityFilter(viewer)).orderBy(asc(community.name));

/** The communities where the viewer is an active member, by name: where they may attach a note. */
export async function listOwnCommunities(db: Db, viewer: Viewer): Promise<{ id: string; name: string }[]> {
	if (viewer.kind !== 'account' || viewer.activeCommunityIds.size === 0) return [];
	return db
		.select({ id: community.id, name: community.name })
		.from(community)
		.where(inArray(community.id, [...viewer.activeCommunityIds]))
		.orderBy(asc(community.name));
}

export const listMembers = (db: Db, communityId: string, status: 'active' | 'pending' | 'invited') =>
	db
		.select({
			accountId: membership.accountId,
			role: membership.role,
			handle: profile.handle,
			displayName: profile.displayName,
			organisation: profile.organisation,
			since: membership.updatedAt
		})
		.from(membership)
		.innerJoin(profile, eq(profile.accountId, membership.accountId))
		.where(and(eq(membership.communityId, communityId), eq(membership.status, status)))
		.orderBy(sql`${membership.role} = 'host' desc`, asc(profile.displayName));

export async function countActiveMembers(db: Db, communityId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(membership)
		.where(and(eq(membership.communityId, communityId), eq(membership.status, 'active')));
	return row.n;
}

/** Communities where the account is an active member, limited to those whose members this viewer may know. */
export const listCommunitiesOfMember = (db: Db, viewer: Viewer, accountId: string) =>
	db
		.select({ slug: community.slug, name: community.name, visibility: community.visibility, role: membership.role })
		.from(membership)
		.innerJoin(community, eq(community.id, membership.communityId))
		.where(
			and(
				eq(membership.accountId, accountId),
				eq(membership.status, 'active'),
				visibleCommunityFilter(viewer),
				visibleMemberListFilter(viewer)
			)
		)
		.orderBy(asc(community.name));

/** Name and slug of a community, for showing it beside something that belongs to it. */
export const findCommunitySummary = async (db: Db, id: string) =>
	(await db.select({ id: community.id, slug: community.slug, name: community.name }).from(community).where(eq(community.id, id)))[0];
