import { sql, type SQL } from 'drizzle-orm';
import { schema } from '../db/index.ts';
import { CONFIGS } from '../db/schema/search.ts';

const { noteSearch } = schema;

/** Where a statement finds its notes: a FROM item named like the table (note_search, or the matches of the words), and its filters. */
export type Matches = { from: SQL; where: SQL };

/**
 * May the parse hold a phrase (positions to check)? A quoted phrase, and a word the parser cuts in parts (a hyphen,
 * an apostrophe). A guess on the safe side: it only chooses between two forms of the same matches.
 */
const mayHavePhrase = (text: string) => /["'’-]/.test(text);

/**
 * The notes whose vector (`document` or `titleVector`) matches the query in web search syntax, each in its own
 * configuration: per configuration, its notes and the words as it parses them, each served by that configuration's
 * partial GIN index (migration 0012). A parse left empty by stop words matches nothing. The configurations are
 * literals, not parameters: the planner must see them to pick the partial indexes. `extra` adds these notes (titles
 * found by their likeness to the query).
 *
 * Plain words: one WHERE ORs the configurations, and the planner ORs their bitmaps, so each page of the table is read
 * once (French and English notes share the pages) and no candidate is checked again (a GIN bitmap of words is exact).
 * A phrase: its positions are checked on every candidate, and in an OR the planner would check each against every
 * configuration's parse in turn, reading its document from TOAST each time; so each configuration is a branch of a
 * UNION ALL, which checks a candidate against its own parse only, at the price of reading the pages once per branch.
 */
export function matchingNotes(vector: 'document' | 'titleVector', text: string, extra: string[] = []): Matches {
	const column = noteSearch[vector];
	const literal = (c: string) => sql.raw(`'${c}'`);
	const parse = (c: string) => sql`commonplace_search_parse(${literal(c)}, ${text}::text)`;
	const arm = (c: string) => sql`${noteSearch.config} = ${literal(c)} and ${column} @@ ${parse(c)}`;
	const extraIds = sql`${noteSearch.noteId} = any(${sql.param(extra)}::text[])`;
	if (!mayHavePhrase(text)) {
		const arms = sql.join(
			CONFIGS.map((c) => sql`(${arm(c)})`),
			sql` or `
		);
		return { from: sql`${noteSearch}`, where: extra.length ? sql`(${arms} or ${extraIds})` : sql`(${arms})` };
	}
	const branches = CONFIGS.map((c) => sql`select * from ${noteSearch} where ${arm(c)}`);
	if (extra.length) {
		const own = sql`case ${noteSearch.config} ${sql.join(
			CONFIGS.map((c) => sql`when ${literal(c)} then ${parse(c)}`),
			sql` `
		)} end`;
		branches.push(sql`select * from ${noteSearch} where ${extraIds} and not coalesce(${column} @@ ${own}, false)`);
	}
	return { from: sql`(${sql.join(branches, sql` union all `)}) as ${noteSearch}`, where: sql`true` };
}
