import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { visibleCommunityFilter } from '../communities/index.ts';
import { queryRows, schema, type Db } from '../db/index.ts';
import { visibleNotebookFilter } from '../notebooks/index.ts';
import { noteFilters } from './filters.ts';
import type { ParsedSearchQuery, SearchKind } from './schemas.ts';

const { noteSearch, note, notebook, community, profile } = schema;

/**
 * A title this close to the query (pg_trgm: the better of whole-title similarity and strict word similarity, 0 to 1)
 * is taken for a typo of it and joins the results; one less close is only offered as "did you mean".
 */
export const TYPO_SIMILARITY = 0.6;
const SIMILAR_TITLES = 20;

export type SimilarTitle = { id: string; title: string; similarity: number };

// The key the index holds (commonplace_search_key: lower, unaccented) for what was typed.
const keyOf = (text: string) => sql`commonplace_search_key(${text}::text)`;

/**
 * The notes this viewer may see, among the query's filters, whose title looks like the query: pg_trgm's `%` (whole
 * title, similarity ≥ 0.3) or `<<%` (a run of whole words, strict word similarity ≥ 0.5), both served by the title
 * key's trigram index. Best first.
 */
export async function similarNoteTitles(db: Db, viewer: Viewer, q: ParsedSearchQuery): Promise<SimilarTitle[]> {
	if (q.q.length < 3) return [];
	const k = keyOf(q.q);
	return (
		await queryRows<SimilarTitle>(
			db,
			sql`select ${note.id} as id, ${note.title} as title, t.similarity::float8 as similarity
				from (
					select ${noteSearch.noteId} as note_id,
						greatest(similarity(${noteSearch.titleKey}, ${k}), strict_word_similarity(${k}, ${noteSearch.titleKey})) as similarity
					from ${noteSearch}
					where (${noteSearch.titleKey} % ${k} or ${k} <<% ${noteSearch.titleKey}) and ${noteFilters(viewer, q)}
					order by similarity desc, note_id limit ${SIMILAR_TITLES}
				) t join ${note} on ${note.id} = t.note_id
				order by t.similarity desc, ${note.id}`
		)
	).map((r) => ({ ...r, similarity: Number(r.similarity) }));
}

export type Suggestion = { kind: SearchKind; id: string; title: string };

const likeContains = (k: SQL) => sql`'%' || replace(replace(replace(${k}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

/**
 * Titles this viewer may see for what has been typed so far: those that start with it, then those with a word that
 * does, then those that contain it or look like it (typos), across notes, notebooks, communities and people. At least
 * three characters: shorter, almost every title would do, and the trigram index cannot help.
 */
export async function suggestTitles(db: Db, viewer: Viewer, text: string, limit: number): Promise<Suggestion[]> {
	if (text.length < 3) return [];
	const k = keyOf(text);
	const score = (key: SQL) => sql`(case when ${key} like ${k} || '%' then 2 when ${key} like '% ' || ${k} || '%' then 1 else 0 end
		+ word_similarity(${k}, ${key}))::float8`;
	const notes = sql`select 'note' as kind, n.id, n.title, s.score from (
			select ${noteSearch.noteId} as note_id, ${score(sql`${noteSearch.titleKey}`)} as score from ${noteSearch}
			where (${noteSearch.titleKey} like ${likeContains(k)} or ${k} <% ${noteSearch.titleKey})
				and ${noteFilters(viewer, { q: text, sort: 'relevance', limit })}
			order by score desc, note_id limit ${limit}
		) s join ${note} n on n.id = s.note_id`;
	const other = (kind: SearchKind, id: SQL, title: SQL, from: SQL, visible: SQL) => {
		const key = sql`commonplace_search_key(${title})`;
		return sql`(select ${kind}::text as kind, ${id} as id, ${title} as title, ${score(key)} as score from ${from}
			where (${key} like ${likeContains(k)} or ${k} <% ${key}) and ${visible}
			order by score desc, ${title} limit ${limit})`;
	};
	const rows = await queryRows<Suggestion & { score: number }>(
		db,
		sql`${notes}
			union all ${other('notebook', sql`${notebook.id}`, sql`${notebook.title}`, sql`${notebook}`, sql`${notebook.deletedAt} is null and ${visibleNotebookFilter(viewer)}`)}
			union all ${other('community', sql`${community.slug}`, sql`${community.name}`, sql`${community}`, visibleCommunityFilter(viewer))}
			union all ${other('person', sql`${profile.handle}`, sql`${profile.displayName}`, sql`${profile}`, sql`true`)}
			order by score desc, title limit ${limit}`
	);
	return rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title }));
}
