// The pieces the printable HTML exports share (ADR 7): a notebook's document and a knowledge base's document are the
// same shell, header and note articles, arranged differently. Every text is escaped; the documents carry no script.
import { licence, type LicenceId } from '../../domain/licences.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { m } from '../i18n.ts';
import { citeNoteView, renderNoteFor, type NoteView } from '../notes/index.ts';

export type Lang = 'fr' | 'en';

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Printed on paper: serif text, no navigation, each note starting a page, link targets written out. In a knowledge
// base each notebook starts a page and its first note follows its heading rather than leaving it alone on a page.
const STYLE = `body{font:12pt/1.5 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:2em;margin-bottom:.2em}h2{margin-top:2em}header p,.meta{color:#444}.cite{font-size:.9em;border-left:3px solid #999;padding-left:.8em}
article{border-top:1px solid #ccc;margin-top:2em}img,video{max-width:100%}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .4em}
@media print{article{break-before:page;border:0}section.notebook{break-before:page}section.notebook article:first-of-type{break-before:auto}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;color:#444}nav{break-after:page}}`;

/** The whole document around a header, a table of contents and the body. */
export const htmlDocument = (lang: Lang, title: string, parts: { header: string; nav: string; body: string }) => `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
${parts.header}
<nav><h2>${esc(m.exchange_html_contents({}, { locale: lang }))}</h2><ol>${parts.nav}</ol></nav>
${parts.body}
</body></html>
`;

/**
 * Title, description, date and address of the export, the number of notes, and the licences they carry with counts:
 * what a partner reads first to know what they may reuse and how.
 */
export function htmlHeader(lang: Lang, what: { title: string; description: string; url: string }, views: NoteView[]): string {
	const o = { locale: lang };
	const counts = new Map<LicenceId, number>();
	for (const v of views) counts.set(v.note.licence, (counts.get(v.note.licence) ?? 0) + 1);
	const licences = [...counts].map(
		([id, count]) =>
			`<li><a href="${esc(licence(id).deedUrl[lang])}">${esc(licence(id).label)}</a> — ${esc(m.exchange_html_notes({ count }, o))}</li>`
	);
	const date = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' }).format(new Date());
	return `<header><h1>${esc(what.title)}</h1>
${what.description ? `<p>${esc(what.description)}</p>` : ''}
<p>${esc(m.exchange_html_exported({ date, url: what.url }, o))} · ${esc(m.exchange_html_notes({ count: views.length }, o))}</p>
<h2>${esc(m.exchange_html_licences({}, o))}</h2><ul>${licences.join('\n')}</ul></header>`;
}

/** A contents entry pointing at a note's article, wherever it is in the document. */
export const noteContentsItem = (view: NoteView) => `<li><a href="#note-${esc(view.note.id)}">${esc(view.note.title)}</a></li>`;

export interface ArticleContext {
	lang: Lang;
	publicUrl: string;
	/** Notes with an article in this document: links to them become anchors, links to others stay absolute. */
	inDocument: ReadonlySet<string>;
	/** The heading level of the note's title: 2 under the document, 3 under a notebook's section. */
	level: 2 | 3;
}

/**
 * One note as an article: title, byline, licence, summary, body rendered through the viewer's visibility (a link to
 * a note they may not see is only its label), and its APA citation.
 */
export async function noteArticle(db: Db, viewer: Viewer, view: NoteView, at: ArticleContext): Promise<string> {
	const o = { locale: at.lang };
	const note = view.note;
	const { html } = await renderNoteFor(db, viewer, note.body, at.lang, at.publicUrl);
	const body = html
		.replace(/href="\/(fr|en)\/n\/([A-Za-z0-9_-]+)"/g, (all, _l, id: string) => (at.inDocument.has(id) ? `href="#note-${id}"` : all))
		.replace(/(href|src)="\/(?!\/)/g, `$1="${at.publicUrl}/`);
	const names = [...view.authors.map((a) => a.displayName), ...note.externalAuthors].join(', ');
	const h = `h${at.level}`;
	return `<article id="note-${esc(note.id)}" lang="${esc(note.language)}">
<${h}>${esc(note.title)}</${h}>
<p class="meta">${names ? esc(m.exchange_html_by({ names }, o)) + ' · ' : ''}${esc(m.exchange_html_licence({ label: licence(note.licence).label }, o))}</p>
${note.summary ? `<p><em>${esc(note.summary)}</em></p>` : ''}
${body}
<p class="cite"><strong>${esc(m.exchange_html_cite_as({}, o))}</strong><br>${esc(citeNoteView(view, 'apa', at.lang, at.publicUrl).text)}</p>
</article>`;
}

/** The articles of these notes, in order (rendered one after the other: each render may query the database). */
export async function noteArticles(db: Db, viewer: Viewer, views: NoteView[], at: ArticleContext): Promise<string[]> {
	const out: string[] = [];
	for (const view of views) out.push(await noteArticle(db, viewer, view, at));
	return out;
}
