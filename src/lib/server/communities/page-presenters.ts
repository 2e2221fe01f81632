// What the HTML community pages may receive, field by field (the API has its own in present.ts): rows are never
// spread, so a new column does not leak into a page by accident. Input comes from getCommunity/listCommunities,
// already filtered for the viewer.
import type { CommunityView } from './get-community.ts';
import type { listCommunities } from './queries.ts';

type ListedRow = Awaited<ReturnType<typeof listCommunities>>[number];
type MemberRow = NonNullable<CommunityView['members']>[number];

const EXCERPT_LENGTH = 180;

/** The start of a description, cut at a word boundary, on one line. */
export function excerptOf(text: string, max = EXCERPT_LENGTH): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

export const presentCommunityCard = (c: ListedRow) => ({
	slug: c.slug,
	name: c.name,
	excerpt: excerptOf(c.description),
	visibility: c.visibility,
	kind: c.kind,
	region: c.region,
	memberCount: c.memberCount
});
export type CommunityCard = ReturnType<typeof presentCommunityCard>;

const presentMember = (m: MemberRow) => ({
	accountId: m.accountId,
	handle: m.handle,
	displayName: m.displayName,
	organisation: m.organisation,
	role: m.role
});
export type CommunityMemberItem = ReturnType<typeof presentMember>;

/** A community page for its viewer: lists the viewer may not see stay null, never empty. */
export const presentCommunityView = (v: CommunityView) => ({
	slug: v.community.slug,
	name: v.community.name,
	description: v.community.description,
	visibility: v.community.visibility,
	kind: v.community.kind,
	region: v.community.region,
	memberCount: v.memberCount,
	membership: v.membership && { role: v.membership.role, status: v.membership.status },
	joinAction: v.joinAction,
	canManage: v.canManage,
	members: v.members?.map(presentMember) ?? null,
	pending: v.pending?.map(presentMember) ?? null,
	invited: v.invited?.map(presentMember) ?? null,
	invitedEmails: v.invitedEmails?.map((i) => ({ email: i.email, expiresAt: i.expiresAt.toISOString() })) ?? null
});
export type CommunityViewData = ReturnType<typeof presentCommunityView>;
