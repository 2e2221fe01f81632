import { and, asc, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import type { ListCommunitiesQuery } from './schemas.ts';
import { communityCardColumns } from './queries.ts';
import { visibleCommunityFilter } from './visibility-filter.ts';

const { community } = schema;

/**
 * One page of the communities this viewer may know exist (secret ones only for members, invitees and admins),
 * ordered by name. Anyone may call it. Throws ValidationError for a cursor it did not issue.
 */
export async function listCommunitiesPage(db: Db, viewer: Viewer, query: ListCommunitiesQuery) {
	const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
	const rows = await db
		.select(communityCardColumns)
		.from(community)
		.where(and(visibleCommunityFilter(viewer), after ? sql`(${community.name}, ${community.id}) > (${after[0]}, ${after[1]})` : undefined))
		.orderBy(asc(community.name), asc(community.id))
		.limit(query.limit + 1);
	const items = rows.slice(0, query.limit);
	const last = items.at(-1);
	return { items, next: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null };
}

export type CommunityListItem = Awaited<ReturnType<typeof listCommunitiesPage>>['items'][number];
