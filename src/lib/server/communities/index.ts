export { getCommunity, type CommunityView } from './get-community.ts';
export { createCommunity } from './create-community.ts';
export { getCommunityForEdit, updateCommunity } from './update-community.ts';
export { joinCommunity, leaveCommunity, decideRequest, changeRole } from './membership-changes.ts';
export { inviteByEmail, findInvitation, acceptInvitation } from './invitations.ts';
export {
	listCommunities,
	listCommunitiesOfMember,
	listOwnCommunities,
	findCommunityBySlug,
	findCommunitySummary,
	type CommunityRow
} from './queries.ts';
export { visibleCommunityFilter } from './visibility-filter.ts';
export {
	presentCommunityCard,
	presentCommunityView,
	type CommunityCard,
	type CommunityMemberItem,
	type CommunityViewData
} from './page-presenters.ts';
export * from './schemas.ts';
export { listCommunitiesPage, listCommunitiesWithFacets, type CommunityFilters } from './list-communities-page.ts';
