import { z } from 'zod';
import { NoteVisibility } from '../notes/schemas.ts';

/**
 * `.commonplace/notebook.json`: what a notebook export says about the notebook itself (Obsidian ignores dot folders),
 * so an import recreates it with its id, description and categories in order.
 */
export const NotebookManifest = z.object({
	format: z.literal('commonplace-notebook/1').default('commonplace-notebook/1'),
	id: z
		.string()
		.regex(/^[A-Za-z0-9_-]{16}$/)
		.optional(),
	title: z.string().trim().min(1).max(200),
	description: z.string().max(10_000).default(''),
	visibility: NoteVisibility.default('private'),
	categoryLists: z.array(z.string().trim().min(1).max(80)).max(3).default([]),
	categories: z.array(z.object({ list: z.number().int().min(0).max(2), name: z.string().trim().min(1).max(120) })).default([])
});
export type NotebookManifest = z.infer<typeof NotebookManifest>;

export const MANIFEST_PATH = '.commonplace/notebook.json';
