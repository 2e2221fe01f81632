import { sql, type SQL } from 'drizzle-orm';
import { queryRows, schema, type Db } from '../db/index.ts';
import { microsText } from '../db/versions.ts';
import type { Matches } from './note-match.ts';

const { noteSearch } = schema;

// How many matches are ranked. A common word matches half the notes, and ranking means reading each one's document
// vector from TOAST, so only a bounded set of candidates is ranked: the notes whose title matches and the best by a
// query-independent prior (shorter documents first), at most this many of each, plus titles found by their likeness
// to the query. The other matches follow in the prior's order. The set ranked does not depend on the page asked for,
// so pages stay stable.
export const RANKED_TITLE_MATCHES = 100;
export const RANKED_MATCHES = 100;

// The prior of the notes in the short-notes partial indexes (migrations 0008 and 0016): at most 58 distinct words,
// about a tenth of the benchmark's notes. For a word in more than a few hundred notes or titles, its best candidates by
// the prior are found among them, in a small index, without reading every match. The title matches taken are the same
// either way: when a hundred short notes' titles match, they are the hundred best by the prior.
const SHORT_PRIOR = sql.raw(`-4.1::real`);

// Weights of D, C, B, A (organisation fields, body, summary/synonyms/definition, title), and ts_rank_cd's
// normalisation: divided by 1 + log(length), then scaled into [0, 1) so that the title tiers always weigh more.
const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'::float4[]`);
const NORMALISATION = 1 | 32;

/** `at`: the sort time in microseconds since 1970, as text: exact for keyset cursors, which JavaScript dates are not. */
export type NoteHit = { id: string; score: number; at: string };
export type Extra = { id: string; similarity: number };

/** The query's words as a note's own configuration (`config`: fr, en or simple) parses them, for ranking and snippets. */
export const parsedFor = (config: SQL, text: string) => sql`case ${config} when 'fr' then commonplace_search_parse('fr', ${text}::text)
	when 'en' then commonplace_search_parse('en', ${text}::text) else commonplace_search_parse('simple', ${text}::text) end`;

/**
 * The `take` best matches by relevance: the candidates by score (2 if the title is the query, accents and case aside;
 * 1 if the title or a synonym holds all its words; plus ts_rank_cd over the whole note, in [0, 1); plus 1 and the
 * likeness for a title found by its likeness), then the other matches by the prior.
 */
export async function rankNotes(db: Db, text: string, matches: Matches, titles: Matches, extra: Extra[], take: number): Promise<NoteHit[]> {
	const { from, where } = matches;
	const tsquery = sql`commonplace_search_query(${text}::text)`;
	const extraIds = extra.map((e) => e.id);
	// The candidates hold every match when there are fewer than RANKED_MATCHES, and at least that many otherwise: only a
	// page that goes deeper needs the matches beyond them.
	const tail = sql`union all
		(select ${noteSearch.noteId}, -1 + ${noteSearch.prior} / 1000, ${microsText(noteSearch.recentAt)} from ${from}
			where ${where} and ${noteSearch.noteId} not in (select note_id from cand)
			order by ${noteSearch.prior} desc, ${noteSearch.noteId} limit greatest(0, ${take} - (select count(*) from cand)))`;
	const rows = await queryRows<NoteHit>(
		db,
		sql`with short_titles as (
			select ${noteSearch.noteId} as note_id from ${titles.from} where ${titles.where} and ${noteSearch.prior} >= ${SHORT_PRIOR}
			order by ${noteSearch.prior} desc, ${noteSearch.noteId} limit ${RANKED_TITLE_MATCHES}
		),
		t as (
			select note_id from short_titles
			union all
			(select ${noteSearch.noteId} from ${titles.from} where ${titles.where}
				order by ${noteSearch.prior} desc, ${noteSearch.noteId}
				limit case when (select count(*) from short_titles) < ${RANKED_TITLE_MATCHES} then ${RANKED_TITLE_MATCHES} else 0 end)
		),
		short as (
			select ${noteSearch.noteId} as note_id from ${from} where ${where} and ${noteSearch.prior} >= ${SHORT_PRIOR}
			order by ${noteSearch.prior} desc, ${noteSearch.noteId} limit ${RANKED_MATCHES}
		),
		best as (
			select ${noteSearch.noteId} as note_id from ${from} where ${where}
			order by ${noteSearch.prior} desc, ${noteSearch.noteId}
			limit greatest(0, ${RANKED_MATCHES} - (select count(*) from short))
		),
		cand as (
			select note_id from t union select note_id from short union select note_id from best
			${extraIds.length ? sql`union select unnest(${sql.param(extraIds)}::text[])` : sql``}
		),
		ranked as (
			select s.note_id, s.recent_at,
				(case when s.title_key = commonplace_search_key(${text}::text) then 2 else 0 end)
				+ (case when s.title_vector @@ ${tsquery} then 1 else 0 end)
				+ coalesce(ts_rank_cd(${WEIGHTS}, s.document, ${parsedFor(sql`s.config`, text)}, ${NORMALISATION}), 0)
				-- A title found only by its likeness (a typo) ranks by that likeness, below a title the words match.
				+ coalesce(x.similarity, 0) as score
			from cand join ${noteSearch} s on s.note_id = cand.note_id
			left join unnest(${sql.param(extraIds)}::text[], ${sql.param(extra.map((e) => e.similarity))}::float8[]) as x(id, similarity)
				on x.id = s.note_id
		)
		(select note_id as id, score::float8 as score, ${microsText(sql`recent_at`)} as at from ranked order by score desc, note_id limit ${take})
		${take > RANKED_MATCHES ? tail : sql``}`
	);
	return rows.map((r) => ({ id: r.id, score: Number(r.score), at: r.at })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/**
 * The `take` newest matches after the cursor's key, (time, "note:" + id), so that notes interleave with the other
 * kinds by one order. `since`, when the statistics know it, is the time of the newest twentieth of the notes: most
 * pages are found among those, through the time index ANDed with the words' index, without reading every match.
 */
export async function newestNotes(
	db: Db,
	{ from, where }: Matches,
	after: { at: string; key: string } | null,
	take: number,
	since: string | null
): Promise<NoteHit[]> {
	const key = sql`'note:' || ${noteSearch.noteId}`;
	const cursor = after
		? sql`and (${noteSearch.recentAt}, ${key}) < ('epoch'::timestamptz + ${after.at}::bigint * interval '1 microsecond', ${after.key}::text)`
		: sql``;
	const columns = sql`${noteSearch.noteId} as id, 0::float8 as score, ${microsText(noteSearch.recentAt)} as at`;
	const order = sql`order by ${noteSearch.recentAt} desc, ${key} desc`;
	const recent = since ? sql`and ${noteSearch.recentAt} >= ${since}::timestamptz` : sql`and false`;
	const rows = await queryRows<NoteHit>(
		db,
		sql`with recent as (select ${columns} from ${from} where ${where} ${cursor} ${recent} ${order} limit ${take})
		select * from recent
		union all
		(select ${columns} from ${from} where ${where} ${cursor} ${order}
			limit case when (select count(*) from recent) < ${take} then ${take} else 0 end)`
	);
	const seen = new Set<string>();
	return rows
		.filter((r) => !seen.has(r.id) && seen.add(r.id))
		.sort((a, b) => compareMicros(b.at, a.at) || (a.id < b.id ? 1 : -1))
		.slice(0, take);
}

export const compareMicros = (a: string, b: string) => {
	const d = BigInt(a) - BigInt(b);
	return d === 0n ? 0 : d > 0n ? 1 : -1;
};
