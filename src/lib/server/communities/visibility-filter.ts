import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';

const { community, membership } = schema;

/**
 * SQL twin of canViewCommunity (domain/visibility.ts): the communities this viewer may know exist.
 * Listings, counts, search and the API use it; communities.test.ts checks that the two agree.
 */
export function visibleCommunityFilter(viewer: Viewer): SQL {
	if (viewer.kind === 'anonymous') return sql`${community.visibility} <> 'secret'`;
	if (viewer.isAdmin) return sql`true`;
	return sql`(${community.visibility} <> 'secret' or exists (
		select 1 from ${membership}
		where ${membership.communityId} = ${community.id}
			and ${membership.accountId} = ${viewer.id}
			and ${membership.status} in ('active', 'invited')))`;
}

/**
 * SQL twin of canViewMembers (domain/visibility.ts): saying "X is a member of C" reveals C's member list, which
 * outside public communities belongs to C's active members (and admins) only.
 */
export function visibleMemberListFilter(viewer: Viewer): SQL {
	if (viewer.kind === 'anonymous') return sql`${community.visibility} = 'public'`;
	if (viewer.isAdmin) return sql`true`;
	return or(eq(community.visibility, 'public'), inArray(community.id, [...viewer.activeCommunityIds]))!;
}
