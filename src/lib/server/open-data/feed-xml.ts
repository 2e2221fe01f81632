// Atom (RFC 4287) and RSS 2.0 documents, written by hand: no feed library is installed, and the two formats need
// only a few elements. Every text goes through escapeXml, which also drops the characters XML 1.0 forbids (a
// control character pasted into a title would otherwise make the whole feed unreadable to strict readers).

export type FeedEntry = {
	id: string;
	title: string;
	link: string;
	updated: Date;
	published: Date | null;
	summary: string;
	authors: readonly string[];
	/** Licence label and canonical URL: Atom `<rights>` and `<link rel="license">` (RFC 4946), RSS `dc:rights`. */
	licence: { label: string; url: string };
};

export type Feed = {
	id: string;
	title: string;
	subtitle: string;
	/** The HTML page the feed follows. */
	link: string;
	/** The feed's own URL. */
	self: string;
	lang: string;
	updated: Date;
	generator: string;
	entries: readonly FeedEntry[];
};

// XML 1.0 allows tab, LF, CR and everything from U+0020 on except the surrogates (lone ones) and U+FFFE/U+FFFF.
const FORBIDDEN =
	// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go.
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an element or a double- or single-quoted attribute. */
export const escapeXml = (text: string): string => text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
	`<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${escapeXml(type)}"` : ''}/>`;

export function atomFeed(feed: Feed): string {
	const entries = feed.entries.map((e) =>
		[
			'<entry>',
			el('id', e.id),
			el('title', e.title),
			link('alternate', e.link, 'text/html'),
			el('updated', e.updated.toISOString()),
			e.published ? el('published', e.published.toISOString()) : '',
			...e.authors.map((name) => `<author>${el('name', name)}</author>`),
			e.summary ? el('summary', e.summary) : '',
			el('rights', `${e.licence.label} ${e.licence.url}`),
			link('license', e.licence.url),
			'</entry>'
		].join('')
	);
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
		el('id', feed.id),
		el('title', feed.title),
		feed.subtitle ? el('subtitle', feed.subtitle) : '',
		link('alternate', feed.link, 'text/html'),
		link('self', feed.self, 'application/atom+xml'),
		el('updated', feed.updated.toISOString()),
		el('generator', feed.generator),
		...entries,
		'</feed>',
		''
	].join('\n');
}

/** RSS 2.0; `pubDate` in RFC 822 form (toUTCString), authors and licence in Dublin Core since RSS wants e-mail addresses. */
export function rssFeed(feed: Feed): string {
	const items = feed.entries.map((e) =>
		[
			'<item>',
			el('title', e.title),
			el('link', e.link),
			el('guid', e.id, ' isPermaLink="true"'),
			el('pubDate', e.updated.toUTCString()),
			e.summary ? el('description', e.summary) : '',
			...e.authors.map((name) => el('dc:creator', name)),
			el('dc:rights', `${e.licence.label} ${e.licence.url}`),
			'</item>'
		].join('')
	);
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
		'<channel>',
		el('title', feed.title),
		el('link', feed.link),
		el('description', feed.subtitle || feed.title),
		el('language', feed.lang),
		el('lastBuildDate', feed.updated.toUTCString()),
		el('generator', feed.generator),
		`<atom:link rel="self" href="${escapeXml(feed.self)}" type="application/rss+xml"/>`,
		...items,
		'</channel>',
		'</rss>',
		''
	].join('\n');
}
