import { z } from 'zod';
import { LicenceId } from '../../domain/licences.ts';
import { PageQuery } from '../db/cursor.ts';
import { NoteType, NoteVisibility } from '../notes/schemas.ts';

export const MAX_CATEGORY_LISTS = 3;

const fieldRules = {
	title: z.string().trim().min(1, 'title_required').max(200, 'title_too_long'),
	description: z.string().trim().max(10_000, 'description_too_long'),
	visibility: NoteVisibility,
	communityId: z.string().min(1).max(64).nullable(),
	categoryLists: z
		.array(z.string().trim().min(1, 'category_list_name_required').max(80))
		.max(MAX_CATEGORY_LISTS, 'category_lists_too_many')
		.describe('Names of up to three category lists, e.g. ["Thème", "Région", "Année"]'),
	guide: z.string().trim().max(10_000, 'guide_too_long').describe('Writing guide shown to contributors (Markdown)')
};

export const CreateNotebookInput = z
	.object({
		...fieldRules,
		description: fieldRules.description.default(''),
		visibility: fieldRules.visibility.default('public'),
		communityId: fieldRules.communityId.default(null),
		categoryLists: fieldRules.categoryLists.default([]),
		guide: fieldRules.guide.default('')
	})
	.meta({ id: 'CreateNotebook' });
export type CreateNotebookInput = z.infer<typeof CreateNotebookInput>;

export const UpdateNotebookInput = z
	.object({
		title: fieldRules.title.optional(),
		description: fieldRules.description.optional(),
		visibility: fieldRules.visibility.optional(),
		communityId: fieldRules.communityId.optional().describe('A community the caller belongs to, or null for none'),
		categoryLists: fieldRules.categoryLists
			.optional()
			.describe(
				'Names of up to three category lists, by position: a new name renames the list and keeps its categories; a shorter ' +
					'array deletes the lists past its end with their categories (their notes stay, uncategorised). The first list ' +
					'exists even unnamed, so `[]` unnames it and keeps its categories.'
			),
		guide: fieldRules.guide.optional(),
		tocNoteId: z
			.string()
			.min(1)
			.max(64)
			.nullable()
			.optional()
			.describe('A note included in this notebook that serves as its table of contents, or null for none'),
		baseVersion: z
			.string({ error: 'base_version_missing' })
			.min(1, 'base_version_missing')
			.max(40, 'base_version_missing')
			.describe('The `version` the edit started from; a later change of the notebook makes this one a conflict (409)')
	})
	.meta({ id: 'UpdateNotebook', description: 'The fields to change; the others stay as they are' });
export type UpdateNotebookInput = z.infer<typeof UpdateNotebookInput>;

/** The cover's alt text: required with a cover, since the picture may carry meaning (WCAG 1.1.1). */
export const CoverInput = z.object({
	coverAlt: z.string().trim().min(1, 'cover_alt_required').max(500, 'alt_text_too_long').describe('Text alternative of the cover')
});
export type CoverInput = z.infer<typeof CoverInput>;

/** Pictures a cover may be made from, decided from the bytes; it is stored as WebP whatever it was. */
export const COVER_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const;
export const COVER_MAX_BYTES = 10 * 1024 * 1024;

export const CategoryListNameInput = z.object({ name: fieldRules.categoryLists.element }).meta({ id: 'CategoryListName' });
export type CategoryListNameInput = z.infer<typeof CategoryListNameInput>;

export const UpdateCategoryInput = z
	.object({
		name: z.string().trim().min(1, 'category_name_required').max(120, 'category_name_too_long').optional().describe('New name'),
		direction: z.enum(['up', 'down']).optional().describe('Move one place up or down in its list')
	})
	.refine((v) => v.name !== undefined || v.direction !== undefined, { message: 'category_change_required' })
	.meta({ id: 'UpdateCategory', description: 'Rename a category, move it, or both' });
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryInput>;

export const CategoryInput = z
	.object({
		list: z.coerce
			.number()
			.int()
			.min(0)
			.max(MAX_CATEGORY_LISTS - 1)
			.default(0),
		name: z.string().trim().min(1, 'category_name_required').max(120, 'category_name_too_long')
	})
	.meta({ id: 'CreateCategory' });
export type CategoryInput = z.infer<typeof CategoryInput>;

export const IncludeNoteInput = z
	.object({
		noteId: z.string().min(1).max(64),
		categoryIds: z.array(z.string().min(1).max(64)).max(MAX_CATEGORY_LISTS).default([]).describe('At most one per list')
	})
	.meta({ id: 'IncludeNote' });
export type IncludeNoteInput = z.infer<typeof IncludeNoteInput>;

export const NotebookSort = z.enum(['manual', 'title', 'included', 'edited']);

export const ListNotebookNotesQuery = PageQuery.extend({
	q: z.string().trim().max(200).optional().describe('Keep notes whose title or summary contains this text'),
	category: z.string().max(64).optional().describe('Keep notes in this category ("none": uncategorised in the first list)'),
	type: NoteType.optional(),
	author: z.string().trim().max(40).optional().describe('Author handle'),
	licence: LicenceId.optional(),
	language: z.enum(['fr', 'en']).optional(),
	year: z.coerce.number().int().min(1900).max(2100).optional().describe('Year of publication'),
	sort: NotebookSort.default('manual').describe('manual: pinned, then the managers’ order; title; included; edited')
});
export type ListNotebookNotesQuery = z.infer<typeof ListNotebookNotesQuery>;

export const NotebookJson = z
	.object({
		id: z.string(),
		title: z.string(),
		description: z.string(),
		visibility: NoteVisibility,
		community: z.object({ slug: z.string(), name: z.string() }).nullable(),
		categoryLists: z.array(
			z.object({ name: z.string(), categories: z.array(z.object({ id: z.string(), name: z.string(), noteCount: z.number().int() })) })
		),
		noteCount: z.number().int().describe('Notes in it that the caller may see'),
		guide: z.string().describe('Writing guide shown to contributors (Markdown)'),
		tocNoteId: z.string().nullable().describe('The note serving as table of contents, when the caller may see it'),
		cover: z
			.object({ url: z.url().describe('WebP picture; its URL changes with the picture'), alt: z.string() })
			.nullable()
			.describe('Cover picture, null when none'),
		url: z.url(),
		version: z.string().describe('The current version of its settings, cover and lists: send it as `baseVersion` when you edit')
	})
	.meta({ id: 'Notebook', description: 'A notebook as the caller may see it' });
export type NotebookJson = z.infer<typeof NotebookJson>;

export const NotebookNoteJson = z
	.object({
		id: z.string(),
		type: NoteType,
		title: z.string(),
		summary: z.string(),
		language: z.string(),
		licence: LicenceId,
		publishedAt: z.iso.datetime().nullable(),
		updatedAt: z.iso.datetime(),
		url: z.url(),
		pinned: z.boolean(),
		categories: z.array(z.object({ list: z.number().int(), id: z.string(), name: z.string() })),
		includedBy: z.object({ handle: z.string(), name: z.string() }).nullable(),
		includedAt: z.iso.datetime()
	})
	.meta({ id: 'NotebookNote', description: 'A note in a notebook, with its inclusion facts' });
export type NotebookNoteJson = z.infer<typeof NotebookNoteJson>;
