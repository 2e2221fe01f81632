import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { formValues } from '../http/forms.ts';
import { renderNoteFor } from './render-note.ts';

/**
 * The note form's "Preview": the body rendered as this viewer will read it, and everything typed handed back so
 * the form keeps it. Saves nothing; works without JavaScript (a form action).
 */
export async function previewNoteForm(db: Db, viewer: Viewer, form: FormData, lang: 'fr' | 'en', origin: string) {
	const values = formValues(form);
	const rendered = await renderNoteFor(db, viewer, values.body ?? '', lang, origin);
	return { values, preview: rendered.html };
}
