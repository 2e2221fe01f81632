import type { KnowledgeBaseView } from './get-knowledge-base.ts';
import type { KnowledgeBaseListItem } from './list-knowledge-bases-page.ts';
import type { KnowledgeBaseJson, KnowledgeBaseNoteJson, KnowledgeBasePageJson } from './schemas.ts';
import type { KnowledgeBaseNoteItem } from './search-knowledge-base.ts';

type At = { publicUrl: string; lang: 'fr' | 'en' };

const notebookUrl = (at: At, id: string) => `${at.publicUrl}/${at.lang}/c/${id}`;

/** The API's knowledge base, built from a visibility-checked view; every field is named. */
export function presentKnowledgeBase(view: KnowledgeBaseView, at: At): KnowledgeBaseJson {
	const kb = view.knowledgeBase;
	return {
		id: kb.id,
		title: kb.title,
		description: kb.description,
		visibility: kb.visibility,
		community: view.community ? { slug: view.community.slug, name: view.community.name } : null,
		notebooks: view.notebooks.map((nb) => ({
			id: nb.id,
			title: nb.title,
			description: nb.description,
			visibility: nb.visibility,
			noteCount: nb.noteCount,
			url: notebookUrl(at, nb.id)
		})),
		noteCount: view.noteCount,
		url: `${at.publicUrl}/${at.lang}/kb/${kb.id}`
	};
}

export function presentKnowledgeBaseNote(item: KnowledgeBaseNoteItem, at: At): KnowledgeBaseNoteJson {
	return {
		id: item.id,
		type: item.type,
		title: item.title,
		summary: item.summary,
		language: item.language,
		licence: item.licence,
		updatedAt: item.updatedAt.toISOString(),
		url: `${at.publicUrl}/${at.lang}/n/${item.id}`,
		notebooks: item.notebooks.map((nb) => ({ id: nb.id, title: nb.title, url: notebookUrl(at, nb.id) }))
	};
}

/** A page of the API's knowledge base list; every field is named. */
export const presentKnowledgeBasePage = (page: { items: KnowledgeBaseListItem[]; next: string | null }, at: At): KnowledgeBasePageJson => ({
	items: page.items.map((kb) => ({
		id: kb.id,
		title: kb.title,
		description: kb.description,
		visibility: kb.visibility,
		notebookCount: kb.notebookCount,
		url: `${at.publicUrl}/${at.lang}/kb/${kb.id}`
	})),
	next: page.next
});
