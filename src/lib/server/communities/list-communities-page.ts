import { and, asc, sql } from 'drizzle-orm';
import { ValidationError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import type { ListCommunitiesQuery } from './schemas.ts';
import { communityCardColumns } from './queries.ts';
import { visibleCommunityFilter } from './visibility-filter.ts';

const { community } = schema;

type Position = { name: string; id: string };

// Keyset pagination (DESIGN §8): the cursor carries the last (name, id) seen, so pages stay stable while
// communities are added and no OFFSET scan grows with the page number. It is opaque to clients.
const encodeCursor = (p: Position) => Buffer.from(JSON.stringify([p.name, p.id])).toString('base64url');

function decodeCursor(cursor: string): Position {
	try {
		const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
			return { name: value[0], id: value[1] };
		}
	} catch {
		// Falls through to the validation error below.
	}
	throw new ValidationError('Unknown cursor', { cursor: ['cursor_invalid'] });
}

/**
 * One page of the communities this viewer may know exist (secret ones only for members, invitees and admins),
 * ordered by name. Anyone may call it. Throws ValidationError for a cursor it did not issue.
 */
export async function listCommunitiesPage(db: Db, viewer: Viewer, query: ListCommunitiesQuery) {
	const after = query.cursor ? decodeCursor(query.cursor) : null;
	const rows = await db
		.select(communityCardColumns)
		.from(community)
		.where(
			and(visibleCommunityFilter(viewer), after ? sql`(${community.name}, ${community.id}) > (${after.name}, ${after.id})` : undefined)
		)
		.orderBy(asc(community.name), asc(community.id))
		.limit(query.limit + 1);
	const items = rows.slice(0, query.limit);
	const last = items.at(-1);
	return { items, next: rows.length > query.limit && last ? encodeCursor(last) : null };
}

export type CommunityListItem = Awaited<ReturnType<typeof listCommunitiesPage>>['items'][number];
