import type { NotebookView } from './get-notebook.ts';
import type { NotebookNoteItem } from './list-notebook-notes.ts';
import type { NotebookJson, NotebookNoteJson } from './schemas.ts';

type At = { publicUrl: string; lang: 'fr' | 'en' };

/** The API's notebook, built from a visibility-checked view; every field is named. */
export function presentNotebook(view: NotebookView, at: At): NotebookJson {
	return {
		id: view.notebook.id,
		title: view.notebook.title,
		description: view.notebook.description,
		visibility: view.notebook.visibility,
		community: view.community ? { slug: view.community.slug, name: view.community.name } : null,
		categoryLists: view.lists.map((l) => ({
			name: l.name,
			categories: l.categories.map((c) => ({ id: c.id, name: c.name, noteCount: c.noteCount }))
		})),
		noteCount: view.noteCount,
		guide: view.notebook.guide,
		tocNoteId: view.toc?.id ?? null,
		cover: view.coverUrl ? { url: `${at.publicUrl}${view.coverUrl}`, alt: view.coverAlt } : null,
		url: `${at.publicUrl}/${at.lang}/c/${view.notebook.id}`,
		version: view.notebook.version
	};
}

export function presentNotebookNote(item: NotebookNoteItem, at: At): NotebookNoteJson {
	return {
		id: item.id,
		type: item.type,
		title: item.title,
		summary: item.summary,
		language: item.language,
		licence: item.licence,
		publishedAt: item.publishedAt?.toISOString() ?? null,
		updatedAt: item.updatedAt.toISOString(),
		url: `${at.publicUrl}/${at.lang}/n/${item.id}`,
		pinned: item.pinned,
		categories: item.categories,
		includedBy: item.includedByHandle ? { handle: item.includedByHandle, name: item.includedByName ?? '' } : null,
		includedAt: item.includedAt.toISOString()
	};
}
