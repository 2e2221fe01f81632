import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';

const { note, noteAuthor } = schema;

/**
 * SQL twin of canViewNote (domain/visibility.ts): the notes this viewer may know exist. Listings, counts,
 * backlinks, search, feeds and the API use it; notes.test.ts checks that the two agree.
 */
export function visibleNoteFilter(viewer: Viewer): SQL {
	if (viewer.kind === 'account' && viewer.isAdmin) return sql`true`;
	const published = sql`(${note.deletedAt} is null and ${note.status} = 'published' and ${note.visibility} = 'public')`;
	if (viewer.kind === 'anonymous') return published;
	const communities = [...viewer.activeCommunityIds];
	const inCommunity = communities.length
		? sql`(${note.status} = 'published' and ${note.visibility} = 'community' and ${note.communityId} in ${communities})`
		: sql`false`;
	return sql`(${published} or (${note.deletedAt} is null and (${inCommunity} or exists (
		select 1 from ${noteAuthor}
		where ${noteAuthor.noteId} = ${note.id} and ${noteAuthor.accountId} = ${viewer.id} and ${noteAuthor.status} = 'active'))))`;
}
