import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { m } from '../i18n.ts';
import type { NoteView } from '../notes/index.ts';
import { esc, htmlDocument, htmlHeader, noteArticles, noteContentsItem, type Lang } from './export-html-parts.ts';
import { loadKnowledgeBaseForExport } from './export-knowledge-base-markdown.ts';

/**
 * A knowledge base as one printable HTML document, for partners and funders: its title, description, date and the
 * licences of its notes, then a section per notebook the viewer may see with each of its notes the viewer may see
 * (byline, licence, APA citation), as in a notebook's export. A note held by several notebooks is printed once, in
 * the first of them, as in the Markdown export; the later notebooks list it with a link to it. NotFoundError if the
 * viewer may not see the knowledge base.
 */
export async function exportKnowledgeBaseHtml(db: Db, viewer: Viewer, kbId: string, lang: Lang, publicUrl: string): Promise<string> {
	const { view, notebooks, home } = await loadKnowledgeBaseForExport(db, viewer, kbId);
	const o = { locale: lang };
	const kb = view.knowledgeBase;
	const inDocument = new Set(home.keys());
	const printed: NoteView[] = [];
	const sections: string[] = [];
	const nav: string[] = [];
	for (const { notebook, notes } of notebooks) {
		const nb = notebook.notebook;
		const views = notes.map((n) => n.view);
		const here = views.filter((v) => home.get(v.note.id) === nb.id);
		const elsewhere = views.filter((v) => home.get(v.note.id) !== nb.id);
		printed.push(...here);
		const articles = await noteArticles(db, viewer, here, { lang, publicUrl, inDocument, level: 3 });
		nav.push(`<li><a href="#notebook-${esc(nb.id)}">${esc(nb.title)}</a><ol>${views.map(noteContentsItem).join('\n')}</ol></li>`);
		sections.push(`<section class="notebook" id="notebook-${esc(nb.id)}">
<h2>${esc(nb.title)}</h2>
${nb.description ? `<p>${esc(nb.description)}</p>` : ''}
<p class="meta">${esc(m.exchange_html_notes({ count: views.length }, o))} · <a href="${esc(`${publicUrl}/${lang}/c/${nb.id}`)}">${esc(`${publicUrl}/${lang}/c/${nb.id}`)}</a></p>
${elsewhere.length ? `<p>${esc(m.exchange_html_also_here({}, o))}</p><ul>${elsewhere.map(noteContentsItem).join('\n')}</ul>` : ''}
${articles.join('\n')}
</section>`);
	}
	return htmlDocument(lang, kb.title, {
		header: htmlHeader(lang, { title: kb.title, description: kb.description, url: `${publicUrl}/${lang}/kb/${kb.id}` }, printed),
		nav: nav.join('\n'),
		body: sections.join('\n')
	});
}
