import { NotFoundError } from '../../domain/errors.ts';
import { canManageCommunity, canViewCommunity, canViewMembers, joinActionFor, seesOnlyAsAdmin } from '../../domain/visibility.ts';
import { logAdminView } from '../admin/index.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { countActiveMembers, findCommunityBySlug, findMembership, listMembers, listOpenEmailInvitations } from './queries.ts';

/**
 * A community page as this viewer may see it. Anyone may call it; a secret community answers NotFoundError to
 * whoever is neither member nor invitee. Members are listed only to those allowed (DESIGN §6); hosts also
 * get pending requests and open invitations (to accounts, and to addresses without one). An admin's view of
 * what only admins may see is logged.
 */
export async function getCommunity(db: Db, viewer: Viewer, slug: string) {
	const community = await findCommunityBySlug(db, slug);
	if (!community) throw new NotFoundError('No such community');
	const viewerId = viewer.kind === 'account' ? viewer.id : null;
	const membership = await findMembership(db, community.id, viewerId);
	if (!canViewCommunity(viewer, community, membership)) throw new NotFoundError('No such community');
	const showMembers = canViewMembers(viewer, community, membership);
	if (seesOnlyAsAdmin(viewer, (v) => canViewMembers(v, community, membership))) await logAdminView(db, viewer, 'community', community.id);
	const canManage = canManageCommunity(viewer, membership);
	const [members, memberCount, pending, invited, invitedEmails] = await Promise.all([
		showMembers ? listMembers(db, community.id, 'active') : null,
		countActiveMembers(db, community.id),
		canManage ? listMembers(db, community.id, 'pending') : null,
		canManage ? listMembers(db, community.id, 'invited') : null,
		canManage ? listOpenEmailInvitations(db, community.id) : null
	]);
	return {
		community,
		membership,
		memberCount,
		members,
		pending,
		invited,
		invitedEmails,
		canManage,
		joinAction: joinActionFor(viewer, community, membership)
	};
}

export type CommunityView = Awaited<ReturnType<typeof getCommunity>>;
