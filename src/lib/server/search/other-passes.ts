import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { visibleCommunityFilter } from '../communities/index.ts';
import { visibleThreadFilter } from '../discussions/index.ts';
import { queryRows, schema, type Db } from '../db/index.ts';
import { microsText } from '../db/versions.ts';
import { visibleNotebookFilter } from '../notebooks/index.ts';
import type { SearchKind } from './schemas.ts';

const { notebook, community, profile, message, thread } = schema;

/** A notebook, community, person or message that matched, with what its item shows. */
export type OtherHit = { kind: Exclude<SearchKind, 'note'>; id: string; title: string; text: string; score: number; at: string };
export type OtherPass = { hits: OtherHit[]; total: number; totals: Partial<Record<OtherHit['kind'], number>> };

type Window = { sort: 'relevance' | 'recent'; take: number; after: { at: string; key: string } | null };

type Source = {
	kind: OtherHit['kind'];
	/** The id the item shows (notebook id, community slug, person handle). */
	id: SQL;
	title: SQL;
	/** What the snippet is cut from. */
	text: SQL;
	/** Must be the very expression of the table's search index (migration 0008). */
	vector: SQL;
	from: SQL;
	visible: SQL;
	at: SQL;
};

const sources = (viewer: Viewer): Source[] => [
	{
		kind: 'notebook',
		id: sql`${notebook.id}`,
		title: sql`${notebook.title}`,
		text: sql`${notebook.description}`,
		vector: sql`commonplace_search_any(${notebook.title}, ${notebook.description})`,
		from: sql`${notebook}`,
		visible: sql`${notebook.deletedAt} is null and ${visibleNotebookFilter(viewer)}`,
		at: sql`${notebook.createdAt}`
	},
	{
		kind: 'community',
		id: sql`${community.slug}`,
		title: sql`${community.name}`,
		text: sql`${community.description}`,
		vector: sql`commonplace_search_any(${community.name}, ${community.description})`,
		from: sql`${community}`,
		visible: visibleCommunityFilter(viewer),
		at: sql`${community.createdAt}`
	},
	{
		kind: 'person',
		id: sql`${profile.handle}`,
		title: sql`${profile.displayName}`,
		text: sql`concat_ws(' · ', '@' || ${profile.handle}, nullif(${profile.organisation}, ''), nullif(${profile.bio}, ''))`,
		vector: sql`commonplace_search_any(${profile.displayName} || ' ' || ${profile.handle}, ${profile.organisation} || ' ' || ${profile.bio})`,
		// Profiles are public (DESIGN §6).
		from: sql`${profile}`,
		visible: sql`true`,
		at: sql`${profile.createdAt}`
	},
	{
		// A message of a thread the viewer may read; hidden and deleted ones are found by nobody. Its item is named by
		// its thread (a light post by its own first words); its page, /m/{id}, leads to its thread in a community where
		// the viewer may read it, so no result names a community the viewer may not see.
		kind: 'message',
		id: sql`${message.id}`,
		title: sql`coalesce(nullif(${thread.title}, ''), left(${message.body}, 80))`,
		text: sql`${message.body}`,
		vector: sql`commonplace_search_any(${message.body}, '')`,
		from: sql`${message} join ${thread} on ${thread.id} = ${message.threadId}`,
		visible: sql`${message.deletedAt} is null and ${message.hiddenAt} is null and ${visibleThreadFilter(viewer)}`,
		at: sql`${message.createdAt}`
	}
];

/**
 * Notebooks, communities, people and messages that match, each through its own visibility rule, with the total of each kind:
 * one statement. These tables are small next to the notes, so every match is ranked.
 */
export async function runOtherPasses(db: Db, viewer: Viewer, text: string, kinds: OtherHit['kind'][], window: Window): Promise<OtherPass> {
	const chosen = sources(viewer).filter((s) => kinds.includes(s.kind));
	const query = sql`commonplace_search_query_any(${text}::text)`;
	const ctes = chosen.map((s, i) => {
		const match = text ? sql`${s.vector} @@ ${query}` : sql`true`;
		const score = text
			? sql`(case when commonplace_search_key(${s.title}) = commonplace_search_key(${text}::text) then 2 else 0 end)
				+ (case when commonplace_search_any(${s.title}, '') @@ ${query} then 1 else 0 end)
				+ ts_rank_cd('{0.1, 0.2, 0.4, 1.0}'::float4[], ${s.vector}, ${query}, 33)`
			: sql`0`;
		return sql`${sql.raw(`k${i}`)} as (
			select ${s.id} as id, ${s.title} as title, ${s.text} as text, (${score})::float8 as score, ${s.at} as at,
				${s.kind + ':'} || ${s.id} as key
			from ${s.from} where ${match} and ${s.visible}
		)`;
	});
	const after =
		window.sort === 'recent' && window.after
			? sql`where (at, key) < ('epoch'::timestamptz + ${window.after.at}::bigint * interval '1 microsecond', ${window.after.key}::text)`
			: sql``;
	const order = window.sort === 'relevance' ? sql`score desc, id` : sql`at desc, key desc`;
	const parts = chosen.flatMap((s, i) => {
		const k = sql.raw(`k${i}`);
		return [
			sql`(select ${s.kind}::text as kind, id, title, text, score, ${microsText(sql`at`)} as at,
				null::bigint as total from ${k} ${after} order by ${order} limit ${window.take})`,
			sql`select ${s.kind}::text, null, null, null, null, null, count(*) from ${k}`
		];
	});
	const rows = chosen.length
		? await queryRows<{
				kind: OtherHit['kind'];
				id: string | null;
				title: string;
				text: string;
				score: number;
				at: string;
				total: string | null;
			}>(db, sql`with ${sql.join(ctes, sql`, `)} ${sql.join(parts, sql` union all `)}`)
		: [];
	const totals: OtherPass['totals'] = {};
	const hits: OtherHit[] = [];
	for (const r of rows) {
		if (r.id === null) totals[r.kind] = Number(r.total);
		else hits.push({ kind: r.kind, id: r.id, title: r.title, text: r.text, score: Number(r.score), at: r.at });
	}
	return { hits, total: Object.values(totals).reduce((n, t) => n + t, 0), totals };
}
