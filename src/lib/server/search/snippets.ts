import { sql } from 'drizzle-orm';
import { queryRows, schema, type Db } from '../db/index.ts';
import { parsedFor } from './note-ranking.ts';

const { note, noteSearch } = schema;

// ts_headline marks the matched words with these two private-use characters, which migration 0008 strips from the
// text it keeps for snippets (note_search.content): after HTML escaping they become <mark> and </mark>, and nothing a
// note says can open or close a mark, let alone any other tag.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const HEADLINE_OPTIONS = `MaxFragments=2, MaxWords=22, MinWords=10, ShortWord=2, FragmentDelimiter=" … ", StartSel=${OPEN}, StopSel=${CLOSE}`;
/** The part of a note's text snippets are cut from (ts_headline parses all it gets, on every search). */
const SNIPPET_SOURCE_CHARS = 2500;
/** A snippet without any match (a title found by its likeness, a browse) is the text's beginning. */
const PLAIN_SNIPPET_CHARS = 220;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A headline as safe HTML: everything escaped, then the markers (and only they) turned into <mark> elements. */
export function markedSnippet(headline: string): string {
	const html = escapeHtml(headline.replace(/\s+/g, ' ').trim());
	let open = false;
	let out = '';
	for (const ch of html) {
		if (ch === OPEN && !open) {
			out += '<mark>';
			open = true;
		} else if (ch === CLOSE && open) {
			out += '</mark>';
			open = false;
		} else if (ch !== OPEN && ch !== CLOSE) out += ch;
	}
	return open ? `${out}</mark>` : out;
}

/** A plain excerpt (no match to show) as safe HTML, cut at a word. */
export function plainSnippet(text: string): string {
	const flat = text
		.replace(/[\uE000\uE001]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (flat.length <= PLAIN_SNIPPET_CHARS) return escapeHtml(flat);
	const cut = flat.slice(0, PLAIN_SNIPPET_CHARS);
	const space = cut.lastIndexOf(' ');
	return `${escapeHtml(space > PLAIN_SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut)} …`;
}

export type NoteItemRow = { id: string; type: 'general' | 'term' | 'organization'; title: string; headline: string | null; plain: string };

/**
 * Title, type and the highlighted extract of these notes (a page of results: the caller has already checked the viewer
 * may see them). Each note is parsed with its own language's configuration, as it was indexed.
 */
export async function noteItems(db: Db, ids: string[], text: string): Promise<Map<string, NoteItemRow>> {
	if (!ids.length) return new Map();
	// ts_headline parses each text again (a few hundred words through the stemmer): the slowest part of presenting a page,
	// and on the way of every answer. Halves of the page go to two statements, which PostgreSQL runs at once.
	const half = Math.ceil(ids.length / 2);
	const parts = ids.length > SNIPPETS_PER_STATEMENT ? [ids.slice(0, half), ids.slice(half)] : [ids];
	const rows = (await Promise.all(parts.map((part) => noteItemRows(db, part, text)))).flat();
	return new Map(rows.map((r) => [r.id, r]));
}

/** Below this many notes, a second statement costs more than it saves. */
const SNIPPETS_PER_STATEMENT = 4;

function noteItemRows(db: Db, ids: string[], text: string): Promise<NoteItemRow[]> {
	const source = sql`left(${noteSearch.content}, ${SNIPPET_SOURCE_CHARS})`;
	const headline = text
		? sql`ts_headline(commonplace_search_regconfig(${noteSearch.config}), ${source}, ${parsedFor(sql`${noteSearch.config}`, text)}, ${HEADLINE_OPTIONS})`
		: sql`null`;
	return queryRows<NoteItemRow>(
		db,
		sql`select ${note.id} as id, ${note.type} as type, ${note.title} as title, ${headline} as headline,
				left(${noteSearch.content}, 600) as plain
			from ${noteSearch} join ${note} on ${note.id} = ${noteSearch.noteId}
			where ${noteSearch.noteId} in ${ids}`
	);
}

/** The snippet of a note: the highlighted extract when the query matched its text, else its beginning. */
export const noteSnippet = (row: NoteItemRow) =>
	row.headline && row.headline.includes(OPEN) ? markedSnippet(row.headline) : plainSnippet(row.plain);

/** Highlights the query's words in a short text (a notebook's description, a person's organisation) in the database. */
export async function highlightTexts(db: Db, texts: string[], text: string): Promise<string[]> {
	if (!text || !texts.length) return texts.map(plainSnippet);
	const rows = await queryRows<{ i: number; headline: string | null }>(
		db,
		sql`select t.i::int as i, ts_headline('fr_unaccent'::regconfig, commonplace_search_plain(t.text),
				commonplace_search_query_any(${text}::text), ${HEADLINE_OPTIONS}) as headline
			from unnest(${sql.param(texts)}::text[]) with ordinality as t(text, i)`
	);
	const byIndex = new Map(rows.map((r) => [r.i, r.headline]));
	return texts.map((t, i) => {
		const h = byIndex.get(i + 1);
		return h && h.includes(OPEN) ? markedSnippet(h) : plainSnippet(t);
	});
}
