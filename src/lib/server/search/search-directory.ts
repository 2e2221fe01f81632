import { asc, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleCommunityFilter } from '../communities/index.ts';

const LIMIT = 20;

// Accent- and case-insensitive containment: "developpement" finds "développement", as people type in a hurry.
const matches = (column: unknown, q: string) => sql`unaccent(lower(${column})) like '%' || unaccent(lower(${q})) || '%'`;

/**
 * Communities and people whose name or description contains the query. Anyone may call it; communities go
 * through the visibility filter so a secret one never shows to those who may not know it exists.
 */
export async function searchDirectory(db: Db, viewer: Viewer, query: string) {
	const q = query.trim().replace(/[%_\\]/g, (c) => `\\${c}`);
	if (q.length === 0) return { communities: [], people: [] };
	const { community, profile } = schema;
	const [communities, people] = await Promise.all([
		db
			.select({ slug: community.slug, name: community.name, description: community.description, visibility: community.visibility })
			.from(community)
			.where(sql`${visibleCommunityFilter(viewer)} and (${matches(community.name, q)} or ${matches(community.description, q)})`)
			.orderBy(asc(community.name))
			.limit(LIMIT),
		db
			.select({ handle: profile.handle, displayName: profile.displayName, organisation: profile.organisation })
			.from(profile)
			.where(sql`${matches(profile.displayName, q)} or ${matches(profile.handle, q)} or ${matches(profile.organisation, q)}`)
			.orderBy(asc(profile.displayName))
			.limit(LIMIT)
	]);
	return { communities, people };
}
