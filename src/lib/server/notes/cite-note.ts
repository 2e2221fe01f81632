import type { Viewer } from '../../domain/viewer.ts';
import { formatCitation, type CitationFormat } from '../citations/index.ts';
import type { Db } from '../db/index.ts';
import { getNote, type NoteView } from './get-note.ts';

/** The citation of a note already loaded for this viewer (the page has it), consulted on `consulted`. */
export function citeNoteView(
	view: Pick<NoteView, 'note' | 'authors'>,
	format: CitationFormat,
	lang: 'fr' | 'en',
	publicUrl: string,
	consulted = new Date()
) {
	const { note, authors } = view;
	return formatCitation(
		{
			id: note.id,
			title: note.title,
			// Names of people without an account are split like display names (citations/names.ts), after the byline.
			authors: [...authors.map((a) => a.displayName), ...note.externalAuthors].map((name) => ({ name })),
			publishedAt: note.publishedAt,
			updatedAt: note.updatedAt,
			url: `${publicUrl}/${lang}/n/${note.id}`,
			containerTitle: 'Commonplace',
			language: note.language,
			licence: note.licence
		},
		format,
		lang,
		consulted
	);
}

/**
 * The citation of a note the viewer may see (NotFoundError otherwise), consulted today: the same text the page
 * offers and the API serves.
 */
export async function citeNote(
	db: Db,
	viewer: Viewer,
	id: string,
	format: CitationFormat,
	lang: 'fr' | 'en',
	publicUrl: string,
	consulted = new Date()
) {
	return citeNoteView(await getNote(db, viewer, id), format, lang, publicUrl, consulted);
}
