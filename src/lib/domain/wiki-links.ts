// Wiki links between notes: [[Title]], [[Title|label]], [[id:ID]] and [[id:ID|label]] (Obsidian's syntax, so bodies
// stay portable). Saving rewrites [[Title]] into [[id:ID|Title]]: renaming a note then keeps its links (issue 3).
//
// What counts as code must agree with the renderer, or backlinks and the rendered page would disagree. So the block
// structure comes from markdown-it itself (the renderer's parser, block rules only); within each block of text a
// small scanner skips code spans, autolinks and backslash escapes the way CommonMark does.
import MarkdownIt from 'markdown-it';

export type WikiLinkTarget = { kind: 'title'; title: string } | { kind: 'id'; id: string };

export interface WikiLink {
	target: WikiLinkTarget;
	/** The text after "|", trimmed; null when the link has none (or only blanks). */
	label: string | null;
}

/** One `[[…]]` found in a string: where it starts and ends, and what it says. */
export interface WikiLinkMatch extends WikiLink {
	end: number;
}

// Note ids (DESIGN §5): 16 base64url characters; notes imported from Praxis keep their 27-character base62 ids
// (e.g. hyFh4E8AibDawZdxZGtAojyBHBY) so their old URLs still work.
export const NOTE_ID = /^(?:[A-Za-z0-9_-]{16}|[A-Za-z0-9]{27})$/;

// Title: no brackets, pipe or line break. Label: no brackets or line break. "\|" separates too, because a bare "|"
// would split a GFM table cell (Obsidian's convention); markdown-it hands the renderer the cell already unescaped.
const WIKI_LINK = /\[\[([^[\]|\r\n]{1,300}?)(?:\\?\|([^[\]\r\n]{0,300}))?\]\]/y;

// markdown-it's autolink grammar (<scheme:…> and <email>): nothing inside one is a wiki link.
const AUTOLINK =
	// eslint-disable-next-line no-control-regex -- markdown-it's own character class, control characters included.
	/<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\x00-\x20]*|[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/y;

/** Reads a wiki link starting exactly at `pos` (on "[["), or returns null. Shared with the renderer's inline rule. */
export function matchWikiLinkAt(src: string, pos: number): WikiLinkMatch | null {
	WIKI_LINK.lastIndex = pos;
	const m = WIKI_LINK.exec(src);
	if (!m) return null;
	const raw = m[1].trim().replace(/\s+/g, ' ');
	if (raw === '') return null;
	const label = m[2]?.trim() || null;
	const id = raw.startsWith('id:') ? raw.slice(3).trim() : null;
	const target: WikiLinkTarget = id !== null && NOTE_ID.test(id) ? { kind: 'id', id } : { kind: 'title', title: raw };
	return { target, label, end: WIKI_LINK.lastIndex };
}

// Block rules only: inline parsing is the scanner's job below, and skipping it keeps this cheap.
const blocks = new MarkdownIt('default', { html: false });
blocks.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

interface Segment {
	start: number;
	end: number;
	inTable: boolean;
}

// The source ranges holding inline text (paragraphs, headings, table rows), in document order. Code blocks, fences
// and link reference definitions hold none.
function textSegments(body: string): Segment[] {
	const lineStarts = [0];
	// markdown-it counts lines after turning \r\n and \r into \n.
	for (const m of body.matchAll(/\r\n?|\n/g)) lineStarts.push(m.index + m[0].length);
	lineStarts.push(body.length);
	const at = (line: number) => lineStarts[Math.min(line, lineStarts.length - 1)];
	const segments: Segment[] = [];
	for (const token of blocks.parse(body, {})) {
		// Table cells carry no line map; their row does.
		const inTable = token.type === 'tr_open';
		if ((token.type === 'inline' || inTable) && token.map) {
			segments.push({ start: at(token.map[0]), end: at(token.map[1]), inTable });
		}
	}
	return segments;
}

// Length of the run of `ch` starting at i.
function runLength(src: string, i: number, end: number, ch: string): number {
	let n = 0;
	while (i + n < end && src[i + n] === ch) n++;
	return n;
}

// Where a code span opened by `n` backticks at `from` closes (just past its closing run), or -1 when it never does
// (the backticks are then literal text, as in CommonMark).
function codeSpanEnd(src: string, from: number, end: number, n: number): number {
	let i = from;
	while (i < end) {
		const next = src.indexOf('`', i);
		if (next === -1 || next >= end) return -1;
		const run = runLength(src, next, end, '`');
		if (run === n) return next + run;
		i = next + run;
	}
	return -1;
}

interface Occurrence extends WikiLinkMatch {
	start: number;
	inTable: boolean;
}

function* occurrences(body: string): Generator<Occurrence> {
	for (const seg of textSegments(body)) {
		let i = seg.start;
		while (i < seg.end) {
			const c = body[i];
			if (c === '\\') {
				i += 2;
			} else if (c === '`') {
				const n = runLength(body, i, seg.end, '`');
				const close = codeSpanEnd(body, i + n, seg.end, n);
				i = close === -1 ? i + n : close;
			} else if (c === '<') {
				AUTOLINK.lastIndex = i;
				i = AUTOLINK.test(body) ? AUTOLINK.lastIndex : i + 1;
			} else if (c === '[' && body[i + 1] === '[') {
				const m = matchWikiLinkAt(body, i);
				if (m && m.end <= seg.end) {
					yield { ...m, start: i, inTable: seg.inTable };
					i = m.end;
				} else i += 1;
			} else i += 1;
		}
	}
}

/** Every wiki link of a Markdown body, in order (repeats included), ignoring those inside code. */
export function extractWikiLinks(body: string): WikiLink[] {
	return Array.from(occurrences(body), ({ target, label }) => ({ target, label }));
}

/**
 * Turns `[[Title]]` into `[[id:ID|Title]]` and `[[Title|label]]` into `[[id:ID|label]]` for every title found in
 * `idsByTitle` (keys as `extractWikiLinks` returns them). Unknown titles, id links and code are left as written.
 * Called at save time, so a later rename of the target keeps the link.
 */
export function rewriteWikiLinks(body: string, idsByTitle: ReadonlyMap<string, string>): string {
	let out = '';
	let last = 0;
	for (const o of occurrences(body)) {
		if (o.target.kind !== 'title') continue;
		const id = idsByTitle.get(o.target.title);
		if (id === undefined || !NOTE_ID.test(id)) continue;
		const pipe = o.inTable ? '\\|' : '|';
		out += `${body.slice(last, o.start)}[[id:${id}${pipe}${o.label ?? o.target.title}]]`;
		last = o.end;
	}
	return last === 0 ? body : out + body.slice(last);
}

/**
 * Replaces each wiki link (outside code) by what `replace` returns for it; null leaves it as written. `inTable` says
 * the link sits in a GFM table row, where a bare "|" would split the cell. Used by exports and imports.
 */
export function mapWikiLinks(body: string, replace: (link: WikiLink & { inTable: boolean }) => string | null): string {
	let out = '';
	let last = 0;
	for (const o of occurrences(body)) {
		const next = replace({ target: o.target, label: o.label, inTable: o.inTable });
		if (next === null) continue;
		out += body.slice(last, o.start) + next;
		last = o.end;
	}
	return last === 0 ? body : out + body.slice(last);
}
