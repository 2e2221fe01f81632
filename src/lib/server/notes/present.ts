import { licence } from '../../domain/licences.ts';
import type { NoteView } from './get-note.ts';
import type { NotebookOfNote } from '../notebooks/notebooks-of-note.ts';
import type { NoteListItem } from './list-notes.ts';
import type { NoteJson, NoteSummaryJson } from './schemas.ts';

/** The API's note, built from a visibility-checked view; every field is named, none spread from the row. */
export function presentNote(view: NoteView, publicUrl: string, lang: 'fr' | 'en', notebooks: readonly NotebookOfNote[] = []): NoteJson {
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
		externalAuthors: [...note.externalAuthors],
		community: community ? { slug: community.slug, name: community.name } : null,
		notebooks: notebooks.map((nb) => ({
			id: nb.id,
			title: nb.title,
			category: nb.category,
			includedBy: nb.includedByHandle ? { handle: nb.includedByHandle, name: nb.includedByName ?? '' } : null,
			includedAt: nb.includedAt.toISOString(),
			noteCount: nb.noteCount
		})),
		publishedAt: note.publishedAt?.toISOString() ?? null,
		updatedAt: note.updatedAt.toISOString(),
		revisionId: note.currentRevisionId ?? '',
		url: `${publicUrl}/${lang}/n/${note.id}`,
		body: note.body,
		termDefinition: note.termDefinition,
		termSynonyms: note.termSynonyms,
		orgWebsite: note.orgWebsite,
		orgRegion: note.orgRegion,
		orgSector: note.orgSector,
		orgAddress: note.orgAddress,
		orgContact: note.orgContact
	};
}

/** A note in a list, as the API shows it. */
export function presentNoteSummary(item: NoteListItem, publicUrl: string, lang: 'fr' | 'en'): NoteSummaryJson {
	return {
		id: item.id,
		type: item.type,
		title: item.title,
		summary: item.summary,
		language: item.language,
		visibility: item.visibility,
		status: item.status,
		publishedAt: item.publishedAt?.toISOString() ?? null,
		updatedAt: item.updatedAt.toISOString(),
		url: `${publicUrl}/${lang}/n/${item.id}`
	};
}
