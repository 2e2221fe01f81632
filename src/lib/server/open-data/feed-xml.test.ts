import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml, rssFeed, type Feed } from './feed-xml.ts';

const feed: Feed = {
	id: 'https://x.test/fr/c/abc',
	title: 'Carnet <b>"gras"</b> & \'cie\'',
	subtitle: 'Notes\u0000 du\u0007 carnet',
	link: 'https://x.test/fr/c/abc',
	self: 'https://x.test/fr/c/abc/feed.atom',
	lang: 'fr-CA',
	updated: new Date('2026-11-02T10:00:00Z'),
	generator: 'Commonplace',
	entries: [
		{
			id: 'https://x.test/fr/n/n1',
			title: 'Économie <script>alert(1)</script>',
			link: 'https://x.test/fr/n/n1?a=1&b=2',
			updated: new Date('2026-11-01T09:00:00Z'),
			published: new Date('2026-10-01T09:00:00Z'),
			summary: 'Résumé ]]> fin',
			authors: ['Ana & Bo', 'Zoé'],
			licence: { label: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }
		}
	]
};

describe('feed XML', () => {
	it('escapes markup and drops characters XML forbids', () => {
		expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
		expect(escapeXml('a\u0000b\u0008c\td\ne\uFFFEf')).toBe('abc\td\nef');
		expect(escapeXml('😀 \uD800x')).toBe('😀 x');
	});

	it('writes an Atom feed with its entries, authors and licence', () => {
		const xml = atomFeed(feed);
		expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-CA">')).toBe(
			true
		);
		expect(xml).toContain('<title>Carnet &lt;b&gt;&quot;gras&quot;&lt;/b&gt; &amp; &apos;cie&apos;</title>');
		expect(xml).toContain('<subtitle>Notes du carnet</subtitle>');
		expect(xml).toContain('<link rel="self" href="https://x.test/fr/c/abc/feed.atom" type="application/atom+xml"/>');
		expect(xml).toContain('<updated>2026-11-02T10:00:00.000Z</updated>');
		expect(xml).toContain('<title>Économie &lt;script&gt;alert(1)&lt;/script&gt;</title>');
		expect(xml).toContain('<link rel="alternate" href="https://x.test/fr/n/n1?a=1&amp;b=2" type="text/html"/>');
		expect(xml).toContain('<author><name>Ana &amp; Bo</name></author><author><name>Zoé</name></author>');
		expect(xml).toContain('<summary>Résumé ]]&gt; fin</summary>');
		expect(xml).toContain('<rights>CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/</rights>');
		expect(xml).toContain('<link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/"/>');
		expect(xml).not.toContain('<script');
		expect(xml.trimEnd().endsWith('</feed>')).toBe(true);
	});

	it('writes an RSS 2.0 feed with RFC 822 dates and Dublin Core authors', () => {
		const xml = rssFeed(feed);
		expect(xml).toContain('<rss version="2.0"');
		expect(xml).toContain('<guid isPermaLink="true">https://x.test/fr/n/n1</guid>');
		expect(xml).toContain('<pubDate>Sun, 01 Nov 2026 09:00:00 GMT</pubDate>');
		expect(xml).toContain('<dc:creator>Ana &amp; Bo</dc:creator>');
		expect(xml).toContain('<dc:rights>CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/</dc:rights>');
		expect(xml).toContain('<language>fr-CA</language>');
		expect(xml.trimEnd().endsWith('</rss>')).toBe(true);
	});
});
