import { licence, type LicenceId } from '../../domain/licences.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { m } from '../i18n.ts';
import { citeNoteView, renderNoteFor } from '../notes/index.ts';
import { loadNotebookForExport } from './export-notebook-markdown.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Printed on paper: serif text, no navigation, each note starting a page, link targets written out.
const STYLE = `body{font:12pt/1.5 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:2em;margin-bottom:.2em}h2{margin-top:2em}header p,.meta{color:#444}.cite{font-size:.9em;border-left:3px solid #999;padding-left:.8em}
article{border-top:1px solid #ccc;margin-top:2em}img,video{max-width:100%}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .4em}
@media print{article{break-before:page;border:0}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;color:#444}nav{break-after:page}}`;

/**
 * A notebook as one printable HTML document for partners and funders: title, description, date, the licences of
 * its notes, then each note the viewer may see with its byline, licence and APA citation. Links between notes of
 * the document become anchors; other links are absolute. NotFoundError if the viewer may not see the notebook.
 */
export async function exportNotebookHtml(
	db: Db,
	viewer: Viewer,
	notebookId: string,
	lang: 'fr' | 'en',
	publicUrl: string
): Promise<string> {
	const { notebook, notes } = await loadNotebookForExport(db, viewer, notebookId);
	const o = { locale: lang };
	const nb = notebook.notebook;
	const inDocument = new Set(notes.map((n) => n.view.note.id));
	const counts = new Map<LicenceId, number>();
	for (const n of notes) counts.set(n.view.note.licence, (counts.get(n.view.note.licence) ?? 0) + 1);
	const licences = [...counts].map(
		([id, count]) =>
			`<li><a href="${esc(licence(id).deedUrl[lang])}">${esc(licence(id).label)}</a> — ${esc(m.exchange_html_notes({ count }, o))}</li>`
	);
	const articles: string[] = [];
	for (const { view } of notes) {
		const note = view.note;
		const { html } = await renderNoteFor(db, viewer, note.body, lang, publicUrl);
		const body = html
			.replace(/href="\/(fr|en)\/n\/([A-Za-z0-9_-]+)"/g, (all, _l, id: string) => (inDocument.has(id) ? `href="#note-${id}"` : all))
			.replace(/(href|src)="\/(?!\/)/g, `$1="${publicUrl}/`);
		const names = view.authors.map((a) => a.displayName).join(', ');
		articles.push(`<article id="note-${esc(note.id)}" lang="${esc(note.language)}">
<h2>${esc(note.title)}</h2>
<p class="meta">${names ? esc(m.exchange_html_by({ names }, o)) + ' · ' : ''}${esc(m.exchange_html_licence({ label: licence(note.licence).label }, o))}</p>
${note.summary ? `<p><em>${esc(note.summary)}</em></p>` : ''}
${body}
<p class="cite"><strong>${esc(m.exchange_html_cite_as({}, o))}</strong><br>${esc(citeNoteView(view, 'apa', lang, publicUrl).text)}</p>
</article>`);
	}
	const date = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' }).format(new Date());
	const url = `${publicUrl}/${lang}/c/${nb.id}`;
	const contents = notes.map((n) => `<li><a href="#note-${esc(n.view.note.id)}">${esc(n.view.note.title)}</a></li>`).join('\n');
	return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(nb.title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${esc(nb.title)}</h1>
${nb.description ? `<p>${esc(nb.description)}</p>` : ''}
<p>${esc(m.exchange_html_exported({ date, url }, o))} · ${esc(m.exchange_html_notes({ count: notes.length }, o))}</p>
<h2>${esc(m.exchange_html_licences({}, o))}</h2><ul>${licences.join('\n')}</ul></header>
<nav><h2>${esc(m.exchange_html_contents({}, o))}</h2><ol>${contents}</ol></nav>
${articles.join('\n')}
</body></html>
`;
}
