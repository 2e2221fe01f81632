// API presenters for communities: every field is named (never a spread row), dates are ISO strings and
// URLs absolute, so a new column never leaks into the API by accident (STYLE §6).
import type { CommunityView } from './get-community.ts';
import type { CommunityListItem } from './list-communities-page.ts';
import type { CommunityJson, CommunityMemberJson, CommunityPageJson, CommunitySummaryJson, MembershipJson } from './schemas.ts';

/** Where links point: the instance's public origin and the language of the request. */
export type PresentAt = { publicUrl: string; lang: 'fr' | 'en' };

const pageUrl = (at: PresentAt, slug: string) => `${at.publicUrl}/${at.lang}/g/${encodeURIComponent(slug)}`;
const apiUrl = (at: PresentAt, slug: string) => `${at.publicUrl}/api/v1/communities/${encodeURIComponent(slug)}`;

type SummaryFacts = Pick<CommunityListItem, 'slug' | 'name' | 'description' | 'visibility' | 'kind' | 'region' | 'memberCount'>;

export const presentCommunitySummary = (c: SummaryFacts, at: PresentAt): CommunitySummaryJson => ({
	slug: c.slug,
	name: c.name,
	description: c.description,
	visibility: c.visibility,
	kind: c.kind,
	region: c.region,
	memberCount: c.memberCount,
	url: pageUrl(at, c.slug),
	apiUrl: apiUrl(at, c.slug)
});

export const presentCommunityPage = (page: { items: CommunityListItem[]; next: string | null }, at: PresentAt): CommunityPageJson => ({
	items: page.items.map((c) => presentCommunitySummary(c, at)),
	next: page.next
});

export const presentMembership = (m: NonNullable<CommunityView['membership']>): MembershipJson => ({ role: m.role, status: m.status });

const presentMember = (m: NonNullable<CommunityView['members']>[number], at: PresentAt): CommunityMemberJson => ({
	handle: m.handle,
	displayName: m.displayName,
	role: m.role,
	url: `${at.publicUrl}/${at.lang}/u/${encodeURIComponent(m.handle)}`
});

/** A community as getCommunity let this viewer see it; members are absent unless getCommunity listed them. */
export function presentCommunity(view: CommunityView, at: PresentAt): CommunityJson {
	const { community } = view;
	const { slug, name, description, visibility, kind, region } = community;
	return {
		...presentCommunitySummary({ slug, name, description, visibility, kind, region, memberCount: view.memberCount }, at),
		createdAt: community.createdAt.toISOString(),
		version: community.version,
		membership: view.membership ? presentMembership(view.membership) : null,
		joinAction: view.joinAction,
		canManage: view.canManage,
		...(view.members ? { members: view.members.map((m) => presentMember(m, at)) } : {})
	};
}
