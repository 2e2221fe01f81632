import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';

const { knowledgeBase, knowledgeBaseMember } = schema;

/**
 * SQL twin of canViewKnowledgeBase (domain/visibility.ts): the knowledge bases this viewer may know exist. Listings
 * and the API use it; knowledge-bases.test.ts checks that the two agree.
 */
export function visibleKnowledgeBaseFilter(viewer: Viewer): SQL {
	if (viewer.kind === 'account' && viewer.isAdmin) return sql`true`;
	const open = sql`(${knowledgeBase.deletedAt} is null and ${knowledgeBase.visibility} = 'public')`;
	if (viewer.kind === 'anonymous') return open;
	const communities = [...viewer.activeCommunityIds];
	const inCommunity = communities.length
		? sql`(${knowledgeBase.visibility} = 'community' and ${knowledgeBase.communityId} in ${communities})`
		: sql`false`;
	return sql`(${open} or (${knowledgeBase.deletedAt} is null and (${inCommunity} or exists (
		select 1 from ${knowledgeBaseMember}
		where ${knowledgeBaseMember.knowledgeBaseId} = ${knowledgeBase.id} and ${knowledgeBaseMember.accountId} = ${viewer.id}
		and ${knowledgeBaseMember.role} = 'manager'))))`;
}
