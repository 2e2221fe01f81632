import { describe, expect, it } from 'vitest';
import { extractWikiLinks, type WikiLinkTarget } from '../../../domain/wiki-links.ts';
import { renderNoteBody, tocWorthShowing, type RenderNoteBodyOptions, type TocEntry } from './index.ts';
import { elements, liveMarkup, textOf } from './testing/live-markup.ts';

const KNOWN_ID = 'AbCdEfGhIjKlMn_-';
const HIDDEN_ID = 'ZyXwVuTsRqPoNm12';

// The caller's view: "Communs" is visible, "Brouillon secret" exists but this viewer may not see it.
const resolve = (t: WikiLinkTarget) =>
	(t.kind === 'title' && t.title === 'Communs') || (t.kind === 'id' && t.id === KNOWN_ID)
		? { href: `/fr/n/${KNOWN_ID}`, title: 'Communs numériques' }
		: null;
const options: RenderNoteBodyOptions = {
	lang: 'fr',
	resolve,
	createHref: (title) => `/fr/n/new?title=${encodeURIComponent(title)}`,
	origin: 'https://commonplace.example'
};
const render = (body: string, extra: Partial<RenderNoteBodyOptions> = {}) => renderNoteBody(body, { ...options, ...extra });
const html = (body: string, extra: Partial<RenderNoteBodyOptions> = {}) => render(body, extra).html;
const inner = (body: string) =>
	html(body)
		.trim()
		.replace(/^<p>|<\/p>$/g, '');

describe('wiki links', () => {
	// [what, body, html inside the paragraph]
	const table: [string, string, string][] = [
		['a visible note by title', '[[Communs]]', `<a class="wikilink" href="/fr/n/${KNOWN_ID}">Communs</a>`],
		['a visible note with a label', '[[Communs|les communs]]', `<a class="wikilink" href="/fr/n/${KNOWN_ID}">les communs</a>`],
		[
			'a visible note by id, shown by its current title',
			`[[id:${KNOWN_ID}]]`,
			`<a class="wikilink" href="/fr/n/${KNOWN_ID}">Communs numériques</a>`
		],
		['a visible note by id with a label', `[[id:${KNOWN_ID}|voir]]`, `<a class="wikilink" href="/fr/n/${KNOWN_ID}">voir</a>`],
		[
			'a missing title, as a link to create it',
			'[[Nouvelle note]]',
			'<a class="wikilink-missing" href="/fr/n/new?title=Nouvelle%20note" title="note à créer">Nouvelle note<span class="visually-hidden"> (note à créer)</span></a>'
		],
		['a missing id', `[[id:${HIDDEN_ID}|Ancien titre]]`, '<span class="wikilink-missing">Ancien titre</span>'],
		['a label with markup, as text', '[[Communs|<b>gras</b>]]', `<a class="wikilink" href="/fr/n/${KNOWN_ID}">&lt;b&gt;gras&lt;/b&gt;</a>`],
		['code, untouched', '`[[Communs]]`', '<code>[[Communs]]</code>'],
		['an escaped bracket, as text', '\\[[Communs]]', '[[Communs]]']
	];
	it.each(table)('renders %s', (_, body, expected) => {
		expect(inner(body)).toBe(expected);
	});

	it('renders a hidden note exactly like a missing one', () => {
		// A hidden note resolves to null, as if it did not exist: same bytes as a title nobody used.
		const hidden = html('[[Brouillon secret]]').replace('Brouillon%20secret', 'X').replace('Brouillon secret', 'X');
		const missing = html('[[X]]');
		expect(hidden).toBe(missing);
		expect(html(`[[id:${HIDDEN_ID}]]`)).toBe(html('[[id:0000000000000000]]').replace('0000000000000000', HIDDEN_ID));
	});

	it('asks the caller about each target once per occurrence and never elsewhere', () => {
		const asked: WikiLinkTarget[] = [];
		render('[[A]] `[[B]]`\n\n```\n[[C]]\n```\n\n[[id:' + KNOWN_ID + ']]', {
			resolve: (t) => (asked.push(t), null)
		});
		expect(asked).toEqual([
			{ kind: 'title', title: 'A' },
			{ kind: 'id', id: KNOWN_ID }
		]);
	});

	// Backlinks come from extractWikiLinks at save time, the page from this renderer: they must see the same links.
	const tricky = [
		'[[A]] `[[B]]` ``x `[[C]]` y`` [[D|d]]',
		'\\[[E]] a ` b [[F]]',
		'- [[G]]\n\n      [[H]]\n\n> q `a\n> [[I]]` x',
		'```\n[[J]]\n```\n\n~~~\n[[K]]\n~~~\n\n    [[L]]',
		'| a | b |\n|---|---|\n| [[M\\|m]] | `[[N]]` |',
		'## [[O]]\n\n<https://example.org/[[P]]> [[Q]]',
		`[[id:${KNOWN_ID}]] [[id:bad]] [[ ]] [[R\nS]]`
	];
	it.each(tricky)('finds the links extractWikiLinks finds in %j', (body) => {
		const asked: WikiLinkTarget[] = [];
		render(body, { resolve: (t) => (asked.push(t), null) });
		expect(asked).toEqual(extractWikiLinks(body).map((l) => l.target));
	});

	it('renders missing titles as text when the viewer may not create notes', () => {
		expect(inner('[[Nouvelle note]]')).toContain('wikilink-missing');
		expect(html('[[Nouvelle note]]', { createHref: undefined })).toBe('<p><span class="wikilink-missing">Nouvelle note</span></p>\n');
	});
});

describe('headings', () => {
	it('get readable unique anchors and a "#" permalink named in the page language', () => {
		const fr = html('## Synthèse\n\n## Synthèse\n\n### Synthèse');
		const ids = elements(fr, 'h2')
			.concat(elements(fr, 'h3'))
			.map((h) => h.attribs.id);
		expect(ids).toEqual(['synthese', 'synthese-2', 'synthese-3']);
		const links = elements(fr, 'a').filter((a) => a.attribs.class === 'heading-anchor');
		expect(links.map((a) => [a.attribs.href, a.attribs['aria-label'], textOf(a)])).toEqual([
			['#synthese', 'Lien vers cette section', '#'],
			['#synthese-2', 'Lien vers cette section', '#'],
			['#synthese-3', 'Lien vers cette section', '#']
		]);
		expect(html('## Summary', { lang: 'en' })).toContain('aria-label="Link to this section"');
	});

	it('keep the permalink out of the heading, so the heading reads as its own words', () => {
		const [h2] = elements(html('## Intention'), 'h2');
		expect(textOf(h2)).toBe('Intention');
	});

	it('never take an id of the page around them', () => {
		expect(elements(html('## Main'), 'h2')[0].attribs.id).toBe('main-2');
		expect(elements(html('## Cite', { reservedIds: ['cite'] }), 'h2')[0].attribs.id).toBe('cite-2');
	});

	it('name wiki links by what the author wrote, whatever the viewer sees', () => {
		const { toc } = render(`## Voir [[Communs]] et [[id:${KNOWN_ID}|ça]]`);
		expect(toc).toEqual([{ id: 'voir-communs-et-ca', text: 'Voir Communs et ça', level: 2 }]);
		expect(render(`## Voir [[Communs]] et [[id:${KNOWN_ID}|ça]]`, { resolve: () => null }).toc).toEqual(toc);
	});
});

describe('table of contents', () => {
	it('lists h2 and h3 in order, not h1 or h4', () => {
		const { toc } = render('# Titre\n\n## Un `code`\n\n### Deux\n\n#### Trois\n\n## Quatre');
		expect(toc).toEqual<TocEntry[]>([
			{ id: 'un-code', text: 'Un code', level: 2 },
			{ id: 'deux', text: 'Deux', level: 3 },
			{ id: 'quatre', text: 'Quatre', level: 2 }
		]);
	});

	it('counts the words of the text, not of code blocks', () => {
		expect(render("Un deux, trois. L'atelier a-t-il eu lieu ?\n\n```\nnot counted at all\n```").words).toBe(7);
		expect(render('a\nb').words).toBe(2);
	});

	// [headings, words, shown]
	const table: [number, number, boolean][] = [
		[3, 400, true],
		[2, 5000, false],
		[3, 399, false],
		[10, 1200, true]
	];
	it.each(table)('with %i headings and %i words: shown %s', (n, words, shown) => {
		const toc = Array.from({ length: n }, (_, i): TocEntry => ({ id: `h${i}`, text: `H${i}`, level: 2 }));
		expect(tocWorthShowing(toc, words)).toBe(shown);
	});
});

describe('links and images', () => {
	// [what, body, html inside the paragraph]
	const table: [string, string, string][] = [
		['an external link', '[x](https://example.org/a)', '<a href="https://example.org/a" rel="noopener noreferrer nofollow ugc">x</a>'],
		['a link to this site', '[x](https://commonplace.example/fr/n/a)', '<a href="https://commonplace.example/fr/n/a">x</a>'],
		['a relative link', '[x](/fr/n/a "Titre")', '<a href="/fr/n/a" title="Titre">x</a>'],
		['a mail link', '[écrire](mailto:a@example.org)', '<a href="mailto:a@example.org">écrire</a>'],
		[
			'a linkified address',
			'voir https://example.org ici',
			'voir <a href="https://example.org" rel="noopener noreferrer nofollow ugc">https://example.org</a> ici'
		],
		['a protocol-relative link, as text', '[x](//example.org)', '[x](//example.org)'],
		[
			'an attachment image',
			'![Plan du site](/files/abc/plan.png)',
			'<img src="/files/abc/plan.png" alt="Plan du site" loading="lazy" decoding="async" />'
		],
		[
			'an external image, without referrer',
			'![Logo *officiel*](https://example.org/l.png "Logo")',
			'<img src="https://example.org/l.png" alt="Logo officiel" title="Logo" loading="lazy" decoding="async" referrerpolicy="no-referrer" />'
		],
		['an image of a refused scheme, as its alt text', '![le plan](mailto:a@example.org)', 'le plan'],
		['strikethrough', '~~ancien~~ nouveau', '<s>ancien</s> nouveau'],
		['raw HTML, as text', '<b>gras</b>', '&lt;b&gt;gras&lt;/b&gt;']
	];
	it.each(table)('renders %s', (_, body, expected) => {
		expect(inner(body)).toBe(expected);
	});

	it('renders GFM tables with alignment as classes, not styles', () => {
		const out = html('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |');
		expect(elements(out, 'td').map((td) => td.attribs.class)).toEqual(['align-left', 'align-center', 'align-right']);
		expect(out).not.toContain('style');
	});

	it('keeps only plain language names on code fences', () => {
		expect(html('```js\nx\n```')).toContain('<code class="language-js">');
		expect(html('```"><b>\nx\n```')).toContain('<pre><code>');
	});
});

describe('bare URLs', () => {
	it('become a sandboxed, lazy, referrer-less player with its address as caption', () => {
		const out = html('https://vimeo.com/76979871');
		const [frame] = elements(out, 'iframe');
		expect(frame.attribs).toMatchObject({
			src: 'https://player.vimeo.com/video/76979871?dnt=1',
			title: 'Vidéo Vimeo',
			sandbox: 'allow-scripts allow-same-origin allow-presentation',
			loading: 'lazy',
			referrerpolicy: 'no-referrer'
		});
		const [caption] = elements(out, 'figcaption');
		expect(textOf(caption)).toBe('https://vimeo.com/76979871');
		expect(liveMarkup(out)).toEqual([]);
	});

	it('play YouTube from the privacy-enhanced host', () => {
		const [frame] = elements(html('https://www.youtube.com/watch?v=dQw4w9WgXcQ', { lang: 'en' }), 'iframe');
		expect(frame.attribs.src).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
		expect(frame.attribs.title).toBe('YouTube video');
	});

	it('embed PeerTube videos only from the instances named', () => {
		const url = 'https://tube.example.coop/w/kkGMgK9ZtnKfYAgnEtQxbv';
		expect(elements(html(url), 'iframe')).toHaveLength(0);
		const out = html(url, { peertubeHosts: ['tube.example.coop'] });
		expect(elements(out, 'iframe')[0].attribs.src).toBe('https://tube.example.coop/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv?p2p=0');
	});

	it('of unknown sites become a link card', () => {
		const out = html('<https://example.org/rapport.pdf>');
		const [card] = elements(out, 'p');
		expect(card.attribs.class).toBe('link-card');
		expect(textOf(card)).toBe('example.org https://example.org/rapport.pdf');
		expect(elements(out, 'a')[0].attribs.rel).toBe('noopener noreferrer nofollow ugc');
	});

	it('stay ordinary links inside a sentence or with a label', () => {
		expect(elements(html('Voir https://youtu.be/dQw4w9WgXcQ ici'), 'iframe')).toHaveLength(0);
		expect(elements(html('[la vidéo](https://youtu.be/dQw4w9WgXcQ)'), 'iframe')).toHaveLength(0);
		expect(elements(html('example.org'), 'p')[0].attribs.class).toBeUndefined();
	});

	it('embed inside list items too', () => {
		expect(elements(html('- https://youtu.be/dQw4w9WgXcQ'), 'li')[0].children.some((c) => 'name' in c && c.name === 'figure')).toBe(true);
	});
});
