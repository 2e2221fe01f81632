import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { containsText, likeEscape } from '../db/contains.ts';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from '../notes/index.ts';
import type { DirectoryQuery } from './schemas.ts';
import { folded, titleSortKey } from './sql.ts';

const { note } = schema;

// Organisations the viewer may see (DESIGN §6). Deleted notes stay out even for admins: a listing is not moderation.
const visibleOrganizations = (viewer: Viewer) => and(eq(note.type, 'organization'), visibleNoteFilter(viewer), isNull(note.deletedAt));

/**
 * One page of the organisations this viewer may see, by name (accents and case aside), narrowed by region, sector
 * and name; `total` counts the matching ones the viewer may see. Anyone may call it; a cursor this server did not
 * issue is a ValidationError.
 */
export async function listDirectory(db: Db, viewer: Viewer, query: DirectoryQuery) {
	const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
	const where = and(
		visibleOrganizations(viewer),
		query.region ? sql`${folded(note.orgRegion)} = ${folded(query.region)}` : undefined,
		query.sector ? sql`${folded(note.orgSector)} = ${folded(query.sector)}` : undefined,
		query.q ? containsText(note.title, likeEscape(query.q)) : undefined
	);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: note.id,
				name: note.title,
				summary: note.summary,
				region: note.orgRegion,
				sector: note.orgSector,
				website: note.orgWebsite,
				language: note.language,
				sortKey: titleSortKey
			})
			.from(note)
			.where(and(where, after ? sql`(${titleSortKey}, ${note.id}) > (${after[0]}, ${after[1]})` : undefined))
			.orderBy(asc(titleSortKey), asc(note.id))
			.limit(query.limit + 1),
		db.select({ total: count() }).from(note).where(where)
	]);
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the cursor's key stays server-side.
		items: page.map(({ sortKey, ...item }) => item),
		total,
		next: rows.length > query.limit && last ? encodeCursor([last.sortKey, last.id]) : null
	};
}

export type DirectoryItem = Awaited<ReturnType<typeof listDirectory>>['items'][number];

/** The distinct values of one field among the organisations the viewer may see, spelling variants merged, with counts. */
function facet(db: Db, viewer: Viewer, column: typeof note.orgRegion | typeof note.orgSector) {
	const key = folded(column);
	// The spelling most organisations use stands for the others ("Montréal" over "montreal").
	const value: SQL<string> = sql<string>`mode() within group (order by btrim(${column}))`;
	return db
		.select({ value, count: count() })
		.from(note)
		.where(and(visibleOrganizations(viewer), sql`${key} <> ''`))
		.groupBy(key)
		.orderBy(asc(key));
}

/**
 * The regions and sectors of the organisations this viewer may see, with how many of them each has: the directory's
 * filters. Counts take only visible notes, so a private organisation's region never shows. Anyone may call it.
 */
export async function listDirectoryFacets(db: Db, viewer: Viewer) {
	const [regions, sectors] = await Promise.all([facet(db, viewer, note.orgRegion), facet(db, viewer, note.orgSector)]);
	return { regions, sectors };
}

export type DirectoryFacets = Awaited<ReturnType<typeof listDirectoryFacets>>;
