import { describe, expect, it } from 'vitest';
import { extractWikiLinks, matchWikiLinkAt, rewriteWikiLinks, type WikiLink } from './wiki-links.ts';

const NEW_ID = 'AbCdEfGhIjKlMn_-';
const LEGACY_ID = 'hyFh4E8AibDawZdxZGtAojyBHBY';
const title = (t: string, label: string | null = null): WikiLink => ({ target: { kind: 'title', title: t }, label });
const byId = (id: string, label: string | null = null): WikiLink => ({ target: { kind: 'id', id }, label });

// [what, body, links]
const extractions: [string, string, WikiLink[]][] = [
	['a title', 'See [[Communs numériques]].', [title('Communs numériques')]],
	['a title and label', 'See [[Communs numériques|the commons]].', [title('Communs numériques', 'the commons')]],
	['a new id', `[[id:${NEW_ID}]]`, [byId(NEW_ID)]],
	['a legacy id with a label', `[[id:${LEGACY_ID}|Atelier 4]]`, [byId(LEGACY_ID, 'Atelier 4')]],
	['an id of the wrong length as a title', '[[id:short]]', [title('id:short')]],
	['blanks trimmed and collapsed', '[[  Loi   25 |  la loi  ]]', [title('Loi 25', 'la loi')]],
	['a blank label as none', '[[Loi 25| ]]', [title('Loi 25')]],
	['several in order, repeats kept', '[[A]] then [[B|b]] then [[A]]', [title('A'), title('B', 'b'), title('A')]],
	['links in headings, lists and quotes', '## [[H]]\n\n- [[L]]\n\n> [[Q]]', [title('H'), title('L'), title('Q')]],
	['a label with a pipe', '[[A|b|c]]', [title('A', 'b|c')]],
	['the escaped pipe of a table cell', '| a |\n|---|\n| [[T\\|t]] |', [title('T', 't')]],
	['an empty link as nothing', '[[]] and [[ ]]', []],
	['a link across lines as nothing', '[[A\nB]]', []],
	['single brackets as nothing', '[A] and [A](http://x)', []],
	['an escaped bracket as nothing', '\\[[A]]', []],
	['a code span', 'Type `[[A]]` to link, or [[B]].', [title('B')]],
	['a double-backtick code span', '``x `[[A]]` y`` [[B]]', [title('B')]],
	['an unclosed backtick as text', 'a ` b [[A]]', [title('A')]],
	['a code span over two lines', 'a `b\n[[A]]` c', []],
	['a fenced block', '```\n[[A]]\n```\n[[B]]', [title('B')]],
	['a tilde fence', '~~~md\n[[A]]\n~~~', []],
	['an unclosed fence to the end', '```\n[[A]]', []],
	['an indented code block', 'para\n\n    [[A]]\n\n[[B]]', [title('B')]],
	['a fenced block in a list', '- item\n\n  ```\n  [[A]]\n  ```\n- [[B]]', [title('B')]],
	['an autolink', '<https://example.org/[[A]]> [[B]]', [title('B')]],
	['CRLF line ends', 'a\r\n\r\n```\r\n[[A]]\r\n```\r\n[[B]]', [title('B')]]
];

describe('extractWikiLinks', () => {
	it.each(extractions)('finds %s', (_, body, links) => {
		expect(extractWikiLinks(body)).toEqual(links);
	});
});

describe('matchWikiLinkAt', () => {
	it('reads only at the given position and says where the link ends', () => {
		expect(matchWikiLinkAt('x [[A]] y', 0)).toBeNull();
		expect(matchWikiLinkAt('x [[A]] y', 2)).toEqual({ ...title('A'), end: 7 });
	});
});

const ids = new Map([
	['Communs numériques', NEW_ID],
	['Atelier 4', LEGACY_ID]
]);

// [what, body, rewritten]
const rewrites: [string, string, string][] = [
	['a title', 'See [[Communs numériques]].', `See [[id:${NEW_ID}|Communs numériques]].`],
	['a title with a label, keeping the label', '[[Atelier 4|the workshop]]', `[[id:${LEGACY_ID}|the workshop]]`],
	['several titles', '[[Atelier 4]] & [[Communs numériques]]', `[[id:${LEGACY_ID}|Atelier 4]] & [[id:${NEW_ID}|Communs numériques]]`],
	['a table cell, escaping the pipe', '| a |\n|---|\n| [[Atelier 4]] |', `| a |\n|---|\n| [[id:${LEGACY_ID}\\|Atelier 4]] |`],
	['nothing for an unknown title', '[[Nowhere]]', '[[Nowhere]]'],
	['nothing for an id link', `[[id:${NEW_ID}|Communs numériques]]`, `[[id:${NEW_ID}|Communs numériques]]`],
	['nothing in code', '`[[Atelier 4]]`\n\n```\n[[Atelier 4]]\n```', '`[[Atelier 4]]`\n\n```\n[[Atelier 4]]\n```'],
	['the rest of the text untouched', 'é ✓ [[Atelier 4]] 💡\r\nfin', `é ✓ [[id:${LEGACY_ID}|Atelier 4]] 💡\r\nfin`]
];

describe('rewriteWikiLinks', () => {
	it.each(rewrites)('rewrites %s', (_, body, expected) => {
		expect(rewriteWikiLinks(body, ids)).toBe(expected);
	});

	it('refuses an id that is not a note id', () => {
		expect(rewriteWikiLinks('[[A]]', new Map([['A', 'x]] <script>']]))).toBe('[[A]]');
	});

	it('gives back links that extract to the same ids', () => {
		const body = '[[Atelier 4]], [[Communs numériques|les communs]], [[Nowhere]]';
		expect(extractWikiLinks(rewriteWikiLinks(body, ids))).toEqual([
			byId(LEGACY_ID, 'Atelier 4'),
			byId(NEW_ID, 'les communs'),
			title('Nowhere')
		]);
	});
});
