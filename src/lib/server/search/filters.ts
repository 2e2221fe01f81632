import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { visibleCommunityFilter } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { REACH } from '../db/schema/search.ts';
import { visibleNotebookFilter } from '../notebooks/index.ts';
import type { ParsedSearchQuery } from './schemas.ts';
import { visibleNoteSearchFilter } from './visibility-filter.ts';

const { noteSearch, noteSearchFacets, community, notebook, profile } = schema;

/** True when the query narrows by a fact only notes have: the results are then notes only. */
export const hasNoteFilter = (q: ParsedSearchQuery) =>
	q.type !== undefined ||
	q.lang !== undefined ||
	q.licence !== undefined ||
	q.notebook !== undefined ||
	q.community !== undefined ||
	q.author !== undefined ||
	q.year !== undefined;

/**
 * The notes of the index this viewer may see (never deleted ones, admins included: a search is not moderation) that
 * pass the query's filters. A notebook or community filter names one the viewer may see, or keeps nothing: counting
 * the notes of a hidden notebook would tell which visible notes it holds. Authors and notebooks are matched by forms
 * their indexes serve (migration 0012); these parts are only ever ANDed, where null and false both leave a note out.
 */
export function noteFilters(viewer: Viewer, q: ParsedSearchQuery): SQL {
	const parts: SQL[] = [sql`${noteSearch.reach} < ${sql.raw(String(REACH.deleted))}`, visibleNoteSearchFilter(viewer)];
	// The single-valued facets are coded (note_search_facets): the codes that match, among a few hundred.
	const facts: SQL[] = [];
	if (q.type) facts.push(sql`${noteSearchFacets.type} = ${q.type}`);
	if (q.lang) facts.push(sql`${noteSearchFacets.language} = ${q.lang}`);
	if (q.licence) facts.push(sql`${noteSearchFacets.licence} = ${q.licence}`);
	if (q.year) facts.push(sql`${noteSearchFacets.year} = ${q.year}`);
	if (facts.length) {
		parts.push(
			sql`${noteSearch.facets} in (select ${noteSearchFacets.code} from ${noteSearchFacets} where ${sql.join(facts, sql` and `)})`
		);
	}
	if (q.community) {
		parts.push(sql`${noteSearch.communityId} = (select ${community.id} from ${community}
			where lower(${community.slug}) = ${q.community.toLowerCase()} and ${visibleCommunityFilter(viewer)})`);
	}
	if (q.author) {
		const account = sql`(select ${profile.accountId} from ${profile} where lower(${profile.handle}) = ${q.author.toLowerCase()})`;
		parts.push(sql`(${noteSearch.authorId} = ${account} or ${noteSearch.otherAuthorIds} @> array[${account}])`);
	}
	if (q.notebook) {
		parts.push(sql`(${noteSearch.notebookId} = ${q.notebook} or ${noteSearch.otherNotebookIds} @> array[${q.notebook}::text])
			and exists (select 1 from ${notebook}
			where ${notebook.id} = ${q.notebook} and ${notebook.deletedAt} is null and ${visibleNotebookFilter(viewer)})`);
	}
	return sql.join(parts, sql` and `);
}
