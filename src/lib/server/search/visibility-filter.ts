import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';

const { noteSearch } = schema;

/**
 * SQL twin of canViewNote (domain/visibility.ts) over the search index, whose rows copy the facts the rule reads
 * (status, visibility, community, deletion, active authors) in the same transaction as every change to them. Search
 * matches tens of thousands of rows for a common word; reading those facts from this narrow row instead of the note
 * and note_author keeps exact counts affordable. search.test.ts checks that it agrees with canViewNote, like
 * visibleNoteFilter. Search leaves deleted notes out for everyone, admins included: that is the caller's `not deleted`.
 */
export function visibleNoteSearchFilter(viewer: Viewer): SQL {
	if (viewer.kind === 'account' && viewer.isAdmin) return sql`true`;
	const published = sql`(not ${noteSearch.deleted} and ${noteSearch.status} = 'published' and ${noteSearch.visibility} = 'public')`;
	if (viewer.kind === 'anonymous') return published;
	const communities = [...viewer.activeCommunityIds];
	const inCommunity = communities.length
		? sql`(${noteSearch.status} = 'published' and ${noteSearch.visibility} = 'community' and ${noteSearch.communityId} in ${communities})`
		: sql`false`;
	const isAuthor = sql`(${noteSearch.authorId} = ${viewer.id} or ${viewer.id}::text = any(${noteSearch.otherAuthorIds}))`;
	return sql`(${published} or (not ${noteSearch.deleted} and (${inCommunity} or coalesce(${isAuthor}, false))))`;
}
