import type { Viewer } from '../../domain/viewer.ts';
import { searchCommunities } from '../communities/index.ts';
import { likeEscape } from '../db/contains.ts';
import type { Db } from '../db/index.ts';
import { searchProfiles } from '../profiles/index.ts';

const LIMIT = 20;

/**
 * Communities and people whose name or description contains the query, accents and case aside. Anyone may call
 * it; communities go through the visibility filter so a secret one never shows to those who may not know it exists.
 */
export async function searchDirectory(db: Db, viewer: Viewer, query: string) {
	const q = likeEscape(query);
	if (q.length === 0) return { communities: [], people: [] };
	const [communities, people] = await Promise.all([searchCommunities(db, viewer, q, LIMIT), searchProfiles(db, q, LIMIT)]);
	return { communities, people };
}
