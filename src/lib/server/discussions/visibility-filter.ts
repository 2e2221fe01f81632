import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';

const { community, thread, threadCommunity } = schema;

/**
 * SQL twin of canReadThread (domain/visibility.ts), on the `thread` table: the threads this viewer may read, that
 * is those shown in at least one community that is public or where the viewer is an active member (admins: all).
 * Listings, counts, the tag page and the API use it; discussions.test.ts checks that the two agree.
 */
export function visibleThreadFilter(viewer: Viewer): SQL {
	if (viewer.kind === 'account' && viewer.isAdmin) return sql`true`;
	const ids = viewer.kind === 'account' ? [...viewer.activeCommunityIds] : [];
	const member = ids.length ? sql` or ${threadCommunity.communityId} in ${ids}` : sql``;
	return sql`exists (
		select 1 from ${threadCommunity}
		join ${community} on ${community.id} = ${threadCommunity.communityId}
		where ${threadCommunity.threadId} = ${thread.id} and (${community.visibility} = 'public'${member}))`;
}
