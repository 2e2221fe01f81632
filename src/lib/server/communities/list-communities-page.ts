import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import type { ListCommunitiesQuery } from './schemas.ts';
import { communityCardColumns } from './queries.ts';
import { visibleCommunityFilter } from './visibility-filter.ts';

const { community } = schema;

/** A region as filters compare it: "Montreal", "montréal " and "Montréal" are one (as in the directory). */
const folded = (value: unknown): SQL<string> => sql<string>`lower(unaccent(btrim(${value})))`;

export type CommunityFilters = { kind?: 'thematic' | 'territorial'; region?: string };

const filtersOf = (f: CommunityFilters) =>
	and(f.kind ? eq(community.kind, f.kind) : undefined, f.region ? sql`${folded(community.region)} = ${folded(f.region)}` : undefined);

/**
 * One page of the communities this viewer may know exist (secret ones only for members, invitees and admins),
 * ordered by name, of one kind and/or region when asked. Anyone may call it. Throws ValidationError for a cursor it
 * did not issue.
 */
export async function listCommunitiesPage(db: Db, viewer: Viewer, query: ListCommunitiesQuery) {
	const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
	const rows = await db
		.select(communityCardColumns)
		.from(community)
		.where(
			and(
				visibleCommunityFilter(viewer),
				filtersOf(query),
				after ? sql`(${community.name}, ${community.id}) > (${after[0]}, ${after[1]})` : undefined
			)
		)
		.orderBy(asc(community.name), asc(community.id))
		.limit(query.limit + 1);
	const items = rows.slice(0, query.limit);
	const last = items.at(-1);
	return { items, next: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null };
}

export type CommunityListItem = Awaited<ReturnType<typeof listCommunitiesPage>>['items'][number];

/**
 * The communities list page: every community this viewer may know exist, filtered by kind and region, with the
 * filters' choices and how many communities each holds. Counts take only what the viewer may see, so a secret
 * community's region never shows to outsiders. Anyone may call it.
 */
export async function listCommunitiesWithFacets(db: Db, viewer: Viewer, filters: CommunityFilters) {
	const visible = visibleCommunityFilter(viewer);
	const regionKey = folded(community.region);
	const [items, kinds, regions] = await Promise.all([
		db
			.select(communityCardColumns)
			.from(community)
			.where(and(visible, filtersOf(filters)))
			.orderBy(asc(community.name), asc(community.id)),
		db.select({ kind: community.kind, count: count() }).from(community).where(visible).groupBy(community.kind),
		// The spelling most communities use stands for the others, as in the directory's facets.
		db
			.select({ value: sql<string>`mode() within group (order by btrim(${community.region}))`, count: count() })
			.from(community)
			.where(and(visible, eq(community.kind, 'territorial'), sql`${regionKey} <> ''`))
			.groupBy(regionKey)
			.orderBy(asc(regionKey))
	]);
	const kindCount = (k: 'thematic' | 'territorial') => kinds.find((r) => r.kind === k)?.count ?? 0;
	return { items, facets: { kinds: { thematic: kindCount('thematic'), territorial: kindCount('territorial') }, regions } };
}
