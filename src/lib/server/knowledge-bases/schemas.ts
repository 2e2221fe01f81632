import { z } from 'zod';
import { LicenceId } from '../../domain/licences.ts';
import { PageQuery } from '../db/cursor.ts';
import { NoteType, NoteVisibility } from '../notes/schemas.ts';

export const CreateKnowledgeBaseInput = z
	.object({
		title: z.string().trim().min(1, 'title_required').max(200, 'title_too_long'),
		description: z.string().trim().max(10_000, 'description_too_long').default(''),
		visibility: NoteVisibility.default('public'),
		communityId: z.string().min(1).max(64).nullable().default(null)
	})
	.meta({ id: 'CreateKnowledgeBase' });
export type CreateKnowledgeBaseInput = z.infer<typeof CreateKnowledgeBaseInput>;

export const AddKnowledgeBaseNotebookInput = z
	.object({ notebookId: z.string().min(1, 'notebook_required').max(64) })
	.meta({ id: 'AddKnowledgeBaseNotebook' });
export type AddKnowledgeBaseNotebookInput = z.infer<typeof AddKnowledgeBaseNotebookInput>;

export const SearchKnowledgeBaseQuery = PageQuery.extend({
	q: z.string().trim().max(200).optional().describe('Keep notes whose title or summary contains this text; empty: all notes')
});
export type SearchKnowledgeBaseQuery = z.infer<typeof SearchKnowledgeBaseQuery>;

const NotebookRef = z.object({ id: z.string(), title: z.string(), url: z.url() });

export const ListKnowledgeBasesQuery = PageQuery;
export type ListKnowledgeBasesQuery = z.infer<typeof ListKnowledgeBasesQuery>;

export const KnowledgeBaseSummaryJson = z
	.object({
		id: z.string(),
		title: z.string(),
		description: z.string(),
		visibility: NoteVisibility,
		notebookCount: z.number().int().describe('The notebooks in it that the caller may see'),
		url: z.url()
	})
	.meta({ id: 'KnowledgeBaseSummary', description: 'A knowledge base in a list' });
export type KnowledgeBaseSummaryJson = z.infer<typeof KnowledgeBaseSummaryJson>;

export const KnowledgeBasePageJson = z
	.object({
		items: z.array(KnowledgeBaseSummaryJson).describe('Knowledge bases the caller may see, by title'),
		next: z.string().nullable().describe('Cursor of the next page, null on the last page')
	})
	.meta({ id: 'KnowledgeBasePage', description: 'One page of knowledge bases' });
export type KnowledgeBasePageJson = z.infer<typeof KnowledgeBasePageJson>;

export const KnowledgeBaseJson = z
	.object({
		id: z.string(),
		title: z.string(),
		description: z.string(),
		visibility: NoteVisibility,
		community: z.object({ slug: z.string(), name: z.string() }).nullable(),
		notebooks: z
			.array(NotebookRef.extend({ description: z.string(), visibility: NoteVisibility, noteCount: z.number().int() }))
			.describe('The notebooks in it that the caller may see, each with the count of its notes the caller may see'),
		noteCount: z.number().int().describe('Distinct notes across those notebooks that the caller may see'),
		url: z.url()
	})
	.meta({ id: 'KnowledgeBase', description: 'A knowledge base as the caller may see it' });
export type KnowledgeBaseJson = z.infer<typeof KnowledgeBaseJson>;

export const KnowledgeBaseNoteJson = z
	.object({
		id: z.string(),
		type: NoteType,
		title: z.string(),
		summary: z.string(),
		language: z.string(),
		licence: LicenceId,
		updatedAt: z.iso.datetime(),
		url: z.url(),
		notebooks: z.array(NotebookRef).describe('The notebooks of the knowledge base that hold it and the caller may see')
	})
	.meta({ id: 'KnowledgeBaseNote', description: 'A note found in a knowledge base' });
export type KnowledgeBaseNoteJson = z.infer<typeof KnowledgeBaseNoteJson>;
