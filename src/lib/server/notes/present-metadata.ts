import { licence } from '../../domain/licences.ts';
import type { NoteView } from './get-note.ts';

/**
 * What reference managers and search engines read from a public note page: schema.org CreativeWork (JSON-LD),
 * Highwire Press `citation_*` tags (Zotero), Dublin Core `DC.rights`, OpenGraph. Only for public, published notes.
 */
export function presentNoteMetadata(view: NoteView, canonicalUrl: string, siteName: string) {
	const { note, authors } = view;
	const l = licence(note.licence);
	const published = note.publishedAt?.toISOString();
	// People credited without an account come after the account authors, as in the byline.
	const names = [...authors.map((a) => a.displayName), ...note.externalAuthors];
	const jsonLd = {
		'@context': 'https://schema.org',
		'@type': 'CreativeWork',
		'@id': canonicalUrl,
		url: canonicalUrl,
		name: note.title,
		...(note.summary ? { abstract: note.summary } : {}),
		author: names.map((name) => ({ '@type': 'Person', name })),
		...(published ? { datePublished: published } : {}),
		dateModified: note.updatedAt.toISOString(),
		license: l.url,
		inLanguage: note.language,
		publisher: { '@type': 'Organization', name: siteName }
	};
	const meta: { name?: string; property?: string; content: string }[] = [
		{ name: 'citation_title', content: note.title },
		...names.map((name) => ({ name: 'citation_author', content: name })),
		...(published ? [{ name: 'citation_publication_date', content: published.slice(0, 10).replace(/-/g, '/') }] : []),
		{ name: 'citation_language', content: note.language },
		{ name: 'citation_public_url', content: canonicalUrl },
		{ name: 'citation_publisher', content: siteName },
		{ name: 'DC.rights', content: l.url },
		{ name: 'DC.title', content: note.title },
		{ property: 'og:type', content: 'article' },
		{ property: 'og:title', content: note.title },
		{ property: 'og:url', content: canonicalUrl },
		{ property: 'og:site_name', content: siteName },
		...(note.summary ? [{ property: 'og:description', content: note.summary }] : []),
		...(published ? [{ property: 'article:published_time', content: published }] : []),
		{ property: 'article:modified_time', content: note.updatedAt.toISOString() }
	];
	// "<" escaped so the note's text can never close the script element it sits in.
	const jsonLdScript = `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`;
	return { jsonLdScript, meta };
}
