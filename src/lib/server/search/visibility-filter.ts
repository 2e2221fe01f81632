import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';
import { REACH } from '../db/schema/search.ts';

const { noteSearch } = schema;

/**
 * SQL twin of canViewNote (domain/visibility.ts) over the search index, whose rows copy the facts the rule reads in the
 * same transaction as every change to them: status, visibility and deletion folded into `reach` (REACH), the
 * community, the active authors. Search matches tens of thousands of rows for a common word; comparing one small
 * number of this narrow row, instead of reading the note and note_author, keeps exact counts affordable.
 * search.test.ts checks that it agrees with canViewNote, like visibleNoteFilter. Search leaves deleted notes out for
 * everyone, admins included: that is the caller's `reach < deleted`.
 */
export function visibleNoteSearchFilter(viewer: Viewer): SQL {
	if (viewer.kind === 'account' && viewer.isAdmin) return sql`true`;
	const published = sql`${noteSearch.reach} = ${sql.raw(String(REACH.public))}`;
	if (viewer.kind === 'anonymous') return published;
	const communities = [...viewer.activeCommunityIds];
	const inCommunity = communities.length
		? sql`(${noteSearch.reach} = ${sql.raw(String(REACH.community))} and ${noteSearch.communityId} in ${communities})`
		: sql`false`;
	const isAuthor = sql`(${noteSearch.authorId} = ${viewer.id} or ${viewer.id}::text = any(${noteSearch.otherAuthorIds}))`;
	return sql`(${published} or ${inCommunity} or (${noteSearch.reach} < ${sql.raw(String(REACH.deleted))} and coalesce(${isAuthor}, false)))`;
}
