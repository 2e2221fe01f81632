import { Cite } from '@citation-js/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CITATION_FORMATS, formatCitation, warmCitations, type CitableWork } from './index.ts';
import { cslName } from './names.ts';

// The seed note (shared/fixtures/seed-note/note.json), served by a local instance. Dates are built in local time
// because citations print calendar dates in the server's time zone.
const seed: CitableWork = {
	id: 'hyFh4E8AibDawZdxZGtAojyBHBY',
	title: "Atelier 4 - Présenter et rêver le modèle de soutenabilité d'En commun",
	authors: [{ name: "Marie-Soleil L'Allier" }],
	publishedAt: new Date(2024, 4, 27, 12, 10),
	updatedAt: new Date(2024, 6, 10, 16, 24),
	url: 'http://localhost:3000/en/n/hyFh4E8AibDawZdxZGtAojyBHBY/',
	containerTitle: 'Commonplace',
	language: 'fr',
	licence: 'CC-BY-NC-SA-4.0'
};
const consulted = new Date(2024, 6, 18, 9, 30);
const cite = (format: (typeof CITATION_FORMATS)[number], lang: 'fr' | 'en', work = seed) => formatCitation(work, format, lang, consulted);

// citeproc typesets the apostrophe (’), as Zotero does; the title keeps its words, accents and case.
const title = 'Atelier 4 - Présenter et rêver le modèle de soutenabilité d’En commun';

// Building a citeproc engine per locale takes a second or two; warming up first also tests warmCitations.
beforeAll(() => warmCitations(), 60_000);

describe('citation styles for the seed note', () => {
	it('APA 7 in English', () => {
		expect(cite('apa', 'en').text).toBe(`L’Allier, M.-S. (2024, May 27). ${title}. Commonplace. Retrieved July 18, 2024, from ${seed.url}`);
	});

	it('APA 7 in French, not silently in English', () => {
		expect(cite('apa', 'fr').text).toBe(
			`L’Allier, M.-S. (2024, mai 27). ${title}. Commonplace. Consulté le 18 juillet 2024, à l’adresse ${seed.url}`
		);
	});

	// [format, lang, parts in the order they must appear]
	const table: ['mla' | 'chicago', 'fr' | 'en', string[]][] = [
		['mla', 'en', ['L’Allier, Marie-Soleil.', `“${title}.”`, 'Commonplace, 27 May 2024,', seed.url, 'Accessed 18 July 2024.']],
		[
			'mla',
			'fr',
			['L’Allier, Marie-Soleil.', `«\u00a0${title}\u00a0»`, 'Commonplace, 27 mai 2024,', seed.url, 'Consulté le 18 juillet 2024.']
		],
		[
			'chicago',
			'en',
			['L’Allier, Marie-Soleil. 2024.', `“${title}.”`, 'Commonplace.', 'May 27, 2024.', 'Accessed July 18, 2024.', seed.url]
		],
		[
			'chicago',
			'fr',
			['L’Allier, Marie-Soleil. 2024.', `«\u00a0${title}\u00a0»`, 'Commonplace.', '27 mai 2024.', 'Consulté le 18 juillet 2024.', seed.url]
		]
	];
	it.each(table)('%s in %s', (format, lang, parts) => {
		const { text } = cite(format, lang);
		let from = 0;
		for (const part of parts) {
			const at = text.indexOf(part, from);
			expect(at, `${JSON.stringify(part)} in ${text}`).toBeGreaterThanOrEqual(from);
			from = at + part.length;
		}
	});

	it.each(['apa', 'mla', 'chicago'] as const)('%s in French has no English words left', (format) => {
		expect(cite(format, 'fr').text).not.toMatch(/Retrieved|Accessed|\bfrom\b|May|July/);
	});

	it('uses the last change when the note was never published, and today when no date is given', () => {
		const draft = formatCitation({ ...seed, publishedAt: null }, 'apa', 'en');
		expect(draft.text).toContain('(2024, July 10)');
		const today = new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
		expect(draft.text).toContain(`Retrieved ${today}, from`);
	});

	it('keeps the authors in byline order and organisations whole', () => {
		const work = { ...seed, authors: [{ name: 'Jean Tremblay' }, { name: 'TIESS', kind: 'organization' as const }] };
		expect(cite('apa', 'en', work).text).toMatch(/^Tremblay, J\. & TIESS\. \(2024/);
		const people = { ...seed, authors: [{ name: 'Jean Tremblay' }, { name: "Marie-Soleil L'Allier" }] };
		expect(cite('apa', 'en', people).text).toMatch(/^Tremblay, J\., & L’Allier, M\.-S\. \(2024/);
	});
});

describe('BibTeX', () => {
	it('is the same in both languages and reads back', () => {
		const { text } = cite('bibtex', 'en');
		expect(cite('bibtex', 'fr').text).toBe(text);
		expect(text).toMatch(/^@misc\{LAllier2024Atelier,\n/);
		expect(text).toContain("\tauthor = {L'Allier, Marie-Soleil},\n");
		expect(text).toContain('\thowpublished = {Commonplace},\n');
		expect(text).toContain('\tyear = {2024},\n\tmonth = may,\n');
		expect(text).toContain('\turldate = {2024-07-18},\n');
		expect(text).toContain('\tnote = {[Online; accessed 2024-07-18]},\n');
		const [back] = new Cite(text).data;
		expect(back).toMatchObject({
			title: seed.title,
			author: [{ family: "L'Allier", given: 'Marie-Soleil' }],
			URL: seed.url,
			issued: { 'date-parts': [[2024, 5]] }
		});
	});

	it('escapes quotes, accents, braces, percent and the other LaTeX specials', () => {
		const tricky = 'Les « communs » {numériques} à 100 % : "guillemets" & $5 #1 _x_ \\emph ~ ^ L’été';
		const work = { ...seed, title: tricky, authors: [{ name: 'Praxis & Cie {100 %}', kind: 'organization' as const }] };
		const { text } = cite('bibtex', 'en', work);
		const titleLine = text.split('\n').find((l) => l.startsWith('\ttitle = '))!;
		expect(titleLine).toContain('100 \\%');
		expect(titleLine).toContain('\\&');
		expect(titleLine).toContain('\\#1');
		expect(titleLine).toContain('{\\` a}');
		// No unescaped special is left: every %, &, #, $ and _ follows a backslash.
		expect(text.replace(/^\turl = .*$/m, '')).not.toMatch(/(?<!\\)[%&#$_]/);
		// Braces balance, so the entry does not swallow what follows it.
		let depth = 0;
		for (const c of text.replace(/\\[{}]/g, '')) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
		expect(depth).toBe(0);
		const [back] = new Cite(text).data;
		expect(back.title).toBe(tricky);
		// plugin-bibtex reads a braced name back as a family name alone: the name is intact, not split.
		expect(back.author).toEqual([{ family: 'Praxis & Cie {100 %}' }]);
	});
});

describe('RIS', () => {
	it('has the tags reference managers read, on CR LF lines, and reads back', () => {
		const { text } = cite('ris', 'fr');
		expect(cite('ris', 'en').text).toBe(text);
		const lines = text.split('\r\n');
		expect(lines).toEqual([
			'TY  - ELEC',
			"AU  - L'Allier, Marie-Soleil",
			`TI  - ${seed.title}`,
			'T2  - Commonplace',
			'PY  - 2024',
			'DA  - 2024/05/27/',
			'Y2  - 2024/07/18/',
			'M1  - 2024/07/18/',
			'LA  - fr',
			`UR  - ${seed.url}`,
			'ER  - ',
			''
		]);
		const [back] = new Cite(text).data;
		expect(back).toMatchObject({ title: seed.title, URL: seed.url, author: [{ family: "L'Allier", given: 'Marie-Soleil' }] });
	});

	it('keeps a long or multi-line title on its tag line', () => {
		const long = `${'Un titre très long '.repeat(8)}\nsur deux lignes`;
		const lines = cite('ris', 'en', { ...seed, title: long }).text.split('\r\n');
		expect(lines.filter((l) => l.startsWith('TI  - '))).toEqual([`TI  - ${long.replace(/\s+/g, ' ').trim()}`]);
		expect(lines.every((l) => l === '' || /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
	});
});

describe('CSL-JSON', () => {
	it('is a one-item array with the note’s fields, the access date and the licence', () => {
		const { text } = cite('csl-json', 'en');
		const data = JSON.parse(text);
		expect(data).toEqual([
			{
				id: seed.id,
				type: 'webpage',
				title: seed.title,
				author: [{ family: "L'Allier", given: 'Marie-Soleil' }],
				issued: { 'date-parts': [[2024, 5, 27]] },
				accessed: { 'date-parts': [[2024, 7, 18]] },
				URL: seed.url,
				'container-title': 'Commonplace',
				language: 'fr',
				license: 'CC BY-NC-SA 4.0'
			}
		]);
	});
});

describe('downloads', () => {
	it.each([
		['apa', 'text/plain; charset=utf-8', `${seed.id}-apa.txt`],
		['mla', 'text/plain; charset=utf-8', `${seed.id}-mla.txt`],
		['chicago', 'text/plain; charset=utf-8', `${seed.id}-chicago.txt`],
		['bibtex', 'application/x-bibtex; charset=utf-8', `${seed.id}.bib`],
		['ris', 'application/x-research-info-systems; charset=utf-8', `${seed.id}.ris`],
		['csl-json', 'application/vnd.citationstyles.csl+json', `${seed.id}.json`]
	] as const)('%s is served as %s, named %s', (format, contentType, filename) => {
		expect(cite(format, 'en')).toMatchObject({ contentType, filename });
	});

	it('offers the six formats of the issue', () => {
		expect(CITATION_FORMATS).toEqual(['apa', 'mla', 'chicago', 'bibtex', 'ris', 'csl-json']);
	});
});

describe('author names', () => {
	it.each([
		["Marie-Soleil L'Allier", { family: "L'Allier", given: 'Marie-Soleil' }],
		['Jean Tremblay', { family: 'Tremblay', given: 'Jean' }],
		['  Jean   Tremblay ', { family: 'Tremblay', given: 'Jean' }],
		['Ursula K. Le Guin', { family: 'Le Guin', given: 'Ursula K.' }],
		['Anne-Marie De La Fontaine', { family: 'De La Fontaine', given: 'Anne-Marie' }],
		['Van Morrison', { family: 'Morrison', given: 'Van' }],
		['Gabriel García Márquez', { family: 'Márquez', given: 'Gabriel García' }],
		['Charles de Gaulle', { literal: 'Charles de Gaulle' }],
		["Jean-François d'Amours", { literal: "Jean-François d'Amours" }],
		['bell hooks', { literal: 'bell hooks' }],
		['Martin Luther King Jr.', { literal: 'Martin Luther King Jr.' }],
		['Tremblay, Jean', { literal: 'Tremblay, Jean' }],
		['Praxis', { literal: 'Praxis' }],
		['毛 泽东', { literal: '毛 泽东' }]
	])('%s', (name, expected) => {
		expect(cslName({ name })).toEqual(expected);
	});

	it('never splits an organisation', () => {
		expect(cslName({ name: 'Ville de Montréal', kind: 'organization' })).toEqual({ literal: 'Ville de Montréal' });
		expect(cslName({ name: 'Chantier Économie Sociale', kind: 'organization' })).toEqual({
			literal: 'Chantier Économie Sociale'
		});
	});
});

describe('reuse', () => {
	it('gives the same text for the same note on the same day, and follows a change of day, title or author', () => {
		const first = cite('apa', 'en');
		expect(cite('apa', 'en')).toEqual(first);
		expect(formatCitation(seed, 'apa', 'en', new Date(2024, 6, 19, 9, 30)).text).toContain('July 19, 2024');
		expect(cite('apa', 'en', { ...seed, title: 'Un autre titre' }).text).toContain('Un autre titre');
		expect(cite('apa', 'en', { ...seed, authors: [{ name: 'Alex Tremblay' }] }).text).toContain('Tremblay, A.');
		expect(cite('apa', 'fr').text).not.toEqual(first.text);
	});
});
