import { licence } from '../../domain/licences.ts';
import type { NoteView } from './get-note.ts';
import type { NoteJson } from './schemas.ts';

/** The API's note, built from a visibility-checked view; every field is named, none spread from the row. */
export function presentNote(view: NoteView, publicUrl: string, lang: 'fr' | 'en'): NoteJson {
	const { note, authors, community } = view;
	const l = licence(note.licence);
	return {
		id: note.id,
		type: note.type,
		title: note.title,
		summary: note.summary,
		language: note.language,
		licence: { id: l.id, url: l.url, label: l.label },
		visibility: note.visibility,
		status: note.status,
		authors: authors.map((a) => ({ handle: a.handle, name: a.displayName })),
		community: community ? { slug: community.slug, name: community.name } : null,
		// Filled once notebooks exist (their issue); the field is part of the contract already.
		notebooks: [],
		publishedAt: note.publishedAt?.toISOString() ?? null,
		updatedAt: note.updatedAt.toISOString(),
		url: `${publicUrl}/${lang}/n/${note.id}`,
		body: note.body
	};
}
