import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { listNotebooksOfNote } from '../notebooks/notebooks-of-note.ts';
import { getNote } from './get-note.ts';
import { listBacklinks, listLinkedNotes } from './links.ts';
import { renderNoteFor } from './render-note.ts';
import { tocWorthShowing } from './render/index.ts';

/** Everything the note page shows, as this viewer may see it. Throws NotFoundError like getNote. */
export async function getNotePage(db: Db, viewer: Viewer, id: string, lang: 'fr' | 'en', origin: string) {
	const view = await getNote(db, viewer, id);
	const [rendered, linked, backlinks, notebooks] = await Promise.all([
		renderNoteFor(db, viewer, view.note.body, lang, origin),
		listLinkedNotes(db, viewer, id),
		listBacklinks(db, viewer, id),
		listNotebooksOfNote(db, viewer, id)
	]);
	return {
		...view,
		html: rendered.html,
		toc: tocWorthShowing(rendered.toc, rendered.words) ? rendered.toc : [],
		linked,
		backlinks,
		notebooks
	};
}
