import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { htmlDocument, htmlHeader, noteArticles, noteContentsItem, type Lang } from './export-html-parts.ts';
import { loadNotebookForExport } from './export-notebook-markdown.ts';

/**
 * A notebook as one printable HTML document for partners and funders: title, description, date, the licences of
 * its notes, then each note the viewer may see with its byline, licence and APA citation. Links between notes of
 * the document become anchors; other links are absolute. NotFoundError if the viewer may not see the notebook.
 */
export async function exportNotebookHtml(db: Db, viewer: Viewer, notebookId: string, lang: Lang, publicUrl: string): Promise<string> {
	const { notebook, notes } = await loadNotebookForExport(db, viewer, notebookId);
	const nb = notebook.notebook;
	const views = notes.map((n) => n.view);
	const inDocument = new Set(views.map((v) => v.note.id));
	const articles = await noteArticles(db, viewer, views, { lang, publicUrl, inDocument, level: 2 });
	return htmlDocument(lang, nb.title, {
		header: htmlHeader(lang, { title: nb.title, description: nb.description, url: `${publicUrl}/${lang}/c/${nb.id}` }, views),
		nav: views.map(noteContentsItem).join('\n'),
		body: articles.join('\n')
	});
}
