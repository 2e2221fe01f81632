import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';

const { notebook, notebookMember } = schema;

/**
 * SQL twin of canViewNotebook (domain/visibility.ts): the notebooks this viewer may know exist. Listings, counts,
 * search, feeds and the API use it; notebooks.test.ts checks that the two agree.
 */
export function visibleNotebookFilter(viewer: Viewer): SQL {
	if (viewer.kind === 'account' && viewer.isAdmin) return sql`true`;
	const open = sql`(${notebook.deletedAt} is null and ${notebook.visibility} = 'public')`;
	if (viewer.kind === 'anonymous') return open;
	const communities = [...viewer.activeCommunityIds];
	const inCommunity = communities.length
		? sql`(${notebook.visibility} = 'community' and ${notebook.communityId} in ${communities})`
		: sql`false`;
	return sql`(${open} or (${notebook.deletedAt} is null and (${inCommunity} or exists (
		select 1 from ${notebookMember}
		where ${notebookMember.notebookId} = ${notebook.id} and ${notebookMember.accountId} = ${viewer.id}))))`;
}
