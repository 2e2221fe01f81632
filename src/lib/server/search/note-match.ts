import { sql, type SQL } from 'drizzle-orm';
import { schema } from '../db/index.ts';
import { CONFIGS } from '../db/schema/search.ts';

const { noteSearch } = schema;

/** Where a statement finds its notes: a FROM item named like the table (note_search, or the matches of the words), and its filters. */
export type Matches = { from: SQL; where: SQL };

/**
 * May the parse hold a phrase (positions to check)? Anything but letters, digits and spaces: a quoted phrase, a word
 * the parser cuts in parts (a hyphen, an apostrophe, a middle dot, a path). A guess on the safe side: it only chooses
 * between two forms of the same matches.
 */
const mayHavePhrase = (text: string) => /[^\p{L}\p{N}\s]/u.test(text);

/**
 * The notes whose vector (`document` or `titleVector`) matches the query in web search syntax, each in its own
 * configuration: per configuration, its notes and the words as it parses them, each served by that configuration's
 * partial GIN index (migration 0012). A parse left empty by stop words matches nothing. The configurations are
 * literals, not parameters: the planner must see them to pick the partial indexes. `extra` adds these notes (titles
 * found by their likeness to the query).
 *
 * The indexes hold words and word pairs (migration 0014), and commonplace_search_key_query asks them the query with
 * each phrase of two words as its pair: then the index alone answers, exactly, and no candidate is read to check it.
 * The check below is a subquery, computed once, whether or not the planner folds the query's text into a constant.
 *
 * Plain words: one WHERE ORs the configurations, and the planner ORs their bitmaps, so each page of the table is read
 * once (French and English notes share the pages). Anything else may leave positions to check (a phrase of three words
 * or more, or of words further apart): the index then finds the notes holding the phrase's words and pairs, and the
 * phrase is checked on their stored vector. That check is a filter of its configuration's branch of a UNION ALL: in an
 * OR it would be a filter of every configuration's notes, each computing the index's keys again to tell which arm it
 * matched. When nothing is left to check, the filter is a constant true, computed once.
 */
export function matchingNotes(vector: 'document' | 'titleVector', text: string, extra: string[] = []): Matches {
	return matchingNotesOf(vector, text, extra, () => 'all')!;
}

/** Which of a configuration's matches a statement reads: all, those not everyone may see, or none. */
export type ArmScope = 'all' | 'hidden' | 'none';

/**
 * matchingNotes, reading of some configurations' notes only those not everyone may see (their public ones are counted
 * ahead: common-words.ts), or none. Plain words only (no phrase, which `mayHavePhrase` tells); null when no
 * configuration is left to read.
 */
export function matchingHiddenNotes(text: string, scope: (config: (typeof CONFIGS)[number]) => ArmScope): Matches | null {
	if (mayHavePhrase(text)) throw new Error('matchingHiddenNotes takes plain words');
	return matchingNotesOf('document', text, [], scope);
}

export const isPlainWords = (text: string) => !mayHavePhrase(text);

function matchingNotesOf(
	vector: 'document' | 'titleVector',
	text: string,
	extra: string[],
	scope: (config: (typeof CONFIGS)[number]) => ArmScope
): Matches | null {
	const column = noteSearch[vector];
	const literal = (c: string) => sql.raw(`'${c}'`);
	const parse = (c: string) => sql`commonplace_search_parse(${literal(c)}, ${text}::text)`;
	const keys = (c: string) => sql`commonplace_search_key_query(${literal(c)}, ${text}::text)`;
	const words = !mayHavePhrase(text);
	// Plain words are asked as parsed: no phrase to rewrite, and no PL/pgSQL to run while planning.
	// The predicate of note_search_hidden_idx as it is written there, for the planner to prove that the index serves it.
	const hidden = (c: (typeof CONFIGS)[number]) => (scope(c) === 'hidden' ? sql` and ${noteSearch.reach} between 1 and 2` : sql``);
	const arm = (c: (typeof CONFIGS)[number]) =>
		sql`${noteSearch.config} = ${literal(c)} and commonplace_search_keys(${column}) @@ ${words ? parse(c) : keys(c)}${hidden(c)}`;
	const extraIds = sql`${noteSearch.noteId} = any(${sql.param(extra)}::text[])`;
	if (words) {
		const read = CONFIGS.filter((c) => scope(c) !== 'none');
		if (!read.length) return null;
		const arms = sql.join(
			read.map((c) => sql`(${arm(c)})`),
			sql` or `
		);
		return { from: sql`${noteSearch}`, where: extra.length ? sql`(${arms} or ${extraIds})` : sql`(${arms})` };
	}
	const checked = (c: (typeof CONFIGS)[number]) =>
		sql`((select commonplace_search_key_exact(${literal(c)}, ${text}::text)) or ${column} @@ (select ${parse(c)}))`;
	const branches = CONFIGS.map((c) => sql`select * from ${noteSearch} where ${arm(c)} and ${checked(c)}`);
	if (extra.length) {
		const own = sql`case ${noteSearch.config} ${sql.join(
			CONFIGS.map((c) => sql`when ${literal(c)} then ${parse(c)}`),
			sql` `
		)} end`;
		branches.push(sql`select * from ${noteSearch} where ${extraIds} and not coalesce(${column} @@ ${own}, false)`);
	}
	return { from: sql`(${sql.join(branches, sql` union all `)}) as ${noteSearch}`, where: sql`true` };
}
