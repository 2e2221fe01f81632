import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { visibleCommunityFilter } from '../communities/index.ts';
import { queryRows, schema, type Db } from '../db/index.ts';
import { visibleNotebookFilter } from '../notebooks/index.ts';
import { WORD_COUNT_KIND as KIND } from '../db/schema/search.ts';
import type { CommonWord } from './common-words.ts';
import type { Matches } from './note-match.ts';

const { community, notebook, noteSearchFacets, noteSearchWordCount, noteSearchWordQueue, profile } = schema;

/** Values listed per facet with labels (notebooks, communities, authors), most results first. */
export const FACET_VALUES = 30;

export type FacetRow = { facet: string; value: string; label: string | null; count: number };
export type NoteCounts = { total: number; facets: FacetRow[] };

// grouping(type, language, licence, year, community_id) of each grouping set of `g`: a bit per column left out. In
// `g0`, grouping(facets, author_id, notebook_id) is 3 for the facts, 5 for the authors, 6 for the notebooks.
const GROUPED = { type: 15, language: 23, licence: 27, year: 29, community: 30, total: 31 } as const;

/**
 * The total and the facet counts of every match, exactly, in one pass over the matches' rows (never their document
 * vectors): they are grouped once into three small hash tables (the code of the single-valued facts, a few hundred;
 * the authors; the notebooks), and each facet is then summed from those groups, the facts through their codes.
 * Communities and notebooks the viewer may not see are left out of the facets, so a hidden one is never named.
 * `kept` are common words whose public notes are counted ahead (common-words.ts): their groups are read, not counted,
 * and `matches` then holds only the notes not counted there.
 */
export async function countNotes(db: Db, viewer: Viewer, matches: Matches | null, kept: CommonWord[] = []): Promise<NoteCounts> {
	const counted: SQL[] = [];
	if (matches) {
		counted.push(sql`select facets, author_id, other_author_ids, notebook_id, other_notebook_ids,
				grouping(facets, author_id, notebook_id) as gb, count(*) as n
			from ${matches.from} where ${matches.where}
			group by grouping sets ((facets), (author_id, other_author_ids), (notebook_id, other_notebook_ids))`);
	}
	if (kept.length) {
		// The kept counts of these words, as the groups above, with the changes this transaction has not committed yet.
		const words = sql.join(
			kept.map((w) => sql`(${w.config}, ${w.word})`),
			sql`, `
		);
		counted.push(sql`select case k.kind when ${KIND.facets} then k.value::int end as facets,
				case k.kind when ${KIND.author} then k.value end as author_id, null::text[] as other_author_ids,
				case k.kind when ${KIND.notebook} then k.value end as notebook_id, null::text[] as other_notebook_ids,
				case k.kind when ${KIND.facets} then 3 when ${KIND.author} then 5 else 6 end as gb, sum(k.n) as n
			from (
				select kind, value, n from ${noteSearchWordCount} where (config, word) in (${words}) and n > 0
				union all
				select kind, value, n from ${noteSearchWordQueue}
				where xact = pg_current_xact_id_if_assigned()::text::bigint and (config, word) in (${words})
			) k
			group by k.kind, k.value`);
	}
	if (!counted.length) return { total: 0, facets: [] };
	const rows = await queryRows<{ facet: string; value: string | null; label: string | null; n: string | number }>(
		db,
		sql`with g0 as (${sql.join(counted, sql` union all `)}),
		g as (
			select f.type, f.language, f.licence, f.year::text as year, f.community_id,
				grouping(f.type, f.language, f.licence, f.year, f.community_id) as gb, sum(g0.n) as n
			from g0 join ${noteSearchFacets} f on f.code = g0.facets
			where g0.gb = 3 group by grouping sets ((f.type), (f.language), (f.licence), (f.year), (f.community_id), ())
		),
		authors as (
			select id, sum(n) as n from (
				select author_id as id, n from g0 where gb = 5 and author_id is not null
				union all
				select x.id, g0.n from g0 cross join unnest(g0.other_author_ids) as x(id) where g0.gb = 5
			) a group by id
		),
		notebooks as (
			select id, sum(n) as n from (
				select notebook_id as id, n from g0 where gb = 6 and notebook_id is not null
				union all
				select x.id, g0.n from g0 cross join unnest(g0.other_notebook_ids) as x(id) where g0.gb = 6
			) b group by id
		)
		select case gb when ${GROUPED.type} then 'type' when ${GROUPED.language} then 'language' when ${GROUPED.licence} then 'licence'
				when ${GROUPED.year} then 'year' else 'total' end as facet,
			coalesce(type, language, licence, year) as value, null as label, n
			from g where gb in (${GROUPED.type}, ${GROUPED.language}, ${GROUPED.licence}, ${GROUPED.year}, ${GROUPED.total})
		union all
		(select 'community', ${community.slug}, ${community.name}, g.n
			from g join ${community} on ${community.id} = g.community_id
			where g.gb = ${GROUPED.community} and ${visibleCommunityFilter(viewer)}
			order by g.n desc, ${community.name} limit ${FACET_VALUES})
		union all
		(select 'notebook', ${notebook.id}, ${notebook.title}, f.n
			from notebooks f join ${notebook} on ${notebook.id} = f.id
			where ${notebook.deletedAt} is null and ${visibleNotebookFilter(viewer)}
			order by f.n desc, ${notebook.title} limit ${FACET_VALUES})
		union all
		(select 'author', ${profile.handle}, ${profile.displayName}, f.n
			from authors f join ${profile} on ${profile.accountId} = f.id
			order by f.n desc, ${profile.displayName} limit ${FACET_VALUES})`
	);
	let total = 0;
	const facets: FacetRow[] = [];
	for (const r of rows) {
		if (r.facet === 'total') total = Number(r.n);
		else if (r.value !== null) facets.push({ facet: r.facet, value: r.value, label: r.label, count: Number(r.n) });
	}
	return { total, facets };
}
