import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { isSkipped, parseMarkdownFile, type ParsedFile } from './parse-markdown-file.ts';
import { readZip } from './read-sources.ts';
import { resolveImportLinks } from './resolve-import-links.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const ok = (file: string, text: string) => {
	const r = parseMarkdownFile(file, enc(text));
	if (isSkipped(r)) throw new Error(`${r.code}: ${r.detail}`);
	return r as ParsedFile;
};

describe('parseMarkdownFile', () => {
	it('reads the front matter keys', () => {
		const r = ok(
			'a/b.md',
			'---\nid: hyFh4E8AibDawZdxZGtAojyBHBY\ntitle: Économie sociale\ntype: term\nlanguage: fr\nlicence: CC-BY-4.0\nvisibility: private\nstatus: published\nauthors: [ana, "Marie Curie"]\ncategory: Thème A\npublished: 2024-05-01\ndefinition: Une économie\nsynonyms: ESS, économie solidaire\ntags: [ignored]\n---\nCorps [[Autre]].\n'
		);
		expect(r.title).toBe('Économie sociale');
		expect(r.meta).toMatchObject({
			id: 'hyFh4E8AibDawZdxZGtAojyBHBY',
			type: 'term',
			licence: 'CC-BY-4.0',
			visibility: 'private',
			status: 'published',
			authors: ['ana', 'Marie Curie'],
			category: ['Thème A'],
			definition: 'Une économie',
			synonyms: ['ESS', 'économie solidaire']
		});
		expect(r.meta.published?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
		expect(r.body).toBe('Corps [[Autre]].\n');
	});

	it('takes the title from the first heading, then the file name', () => {
		const h = ok('x/note.md', '\n# Mon titre #\n\nTexte\n');
		expect(h.title).toBe('Mon titre');
		expect(h.body).toBe('Texte\n');
		const f = ok('x/Plan d’action.md', 'Du texte, pas de titre\n');
		expect(f.title).toBe('Plan d’action');
		expect(f.body).toBe('Du texte, pas de titre\n');
	});

	it('reports bad files with a reason', () => {
		const bad = (text: string | Uint8Array) => parseMarkdownFile('bad.md', typeof text === 'string' ? enc(text) : text);
		expect(bad('---\ntitle: [unclosed\n---\nx')).toMatchObject({ file: 'bad.md', code: 'yaml' });
		expect(bad('---\n- a list\n---\nx')).toMatchObject({ code: 'yaml' });
		expect(bad('---\nlicence: WTFPL\n---\nx')).toMatchObject({ code: 'front_matter', detail: expect.stringContaining('licence') });
		expect(bad('---\nid: not an id!\n---\nx')).toMatchObject({ code: 'front_matter' });
		expect(bad(new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({ code: 'not_utf8' });
		expect(bad(new Uint8Array(300 * 1024))).toMatchObject({ code: 'too_large' });
	});
});

describe('resolveImportLinks', () => {
	const byTitle = new Map([['autre note', 'AAAAAAAAAAAAAAAA']]);
	const ids = new Set(['AAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBB']);
	it('resolves titles and ids of the import, leaves the rest and code alone', () => {
		expect(resolveImportLinks('[[Autre note]] [[BBBBBBBBBBBBBBBB|B]] [[Inconnue]] `[[Autre note]]`', byTitle, ids, new Set())).toBe(
			'[[id:AAAAAAAAAAAAAAAA|Autre note]] [[id:BBBBBBBBBBBBBBBB|B]] [[Inconnue]] `[[Autre note]]`'
		);
		expect(resolveImportLinks('[[CCCCCCCCCCCCCCCC]]', byTitle, ids, new Set(['CCCCCCCCCCCCCCCC']))).toBe('[[id:CCCCCCCCCCCCCCCC]]');
		// A 16-letter word that is no known id stays a title.
		expect(resolveImportLinks('[[Decentralisatio]]', byTitle, ids, new Set())).toBe('[[Decentralisatio]]');
	});
});

describe('readZip', () => {
	it('keeps Markdown files and the manifest, not Obsidian settings', () => {
		const zip = zipSync({
			'v/a.md': enc('a'),
			'v/sub/b.markdown': enc('b'),
			'v/.obsidian/app.md': enc('x'),
			'v/image.png': new Uint8Array([1]),
			'v/.commonplace/notebook.json': enc('{}')
		});
		expect(readZip(zip).map((f) => f.path)).toEqual(['v/.commonplace/notebook.json', 'v/a.md', 'v/sub/b.markdown']);
	});
	it('refuses what is not a zip', () => {
		expect(() => readZip(enc('hello'))).toThrow();
	});
});
