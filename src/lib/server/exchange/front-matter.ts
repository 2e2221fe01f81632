// The YAML front matter of an exchanged Markdown file (ADR 7). Every key is optional: a plain Markdown file (from
// Obsidian, a wiki, a folder of notes) imports with the defaults. Unknown keys (tags, cssclasses…) are ignored.
import { z } from 'zod';
import { LicenceId } from '../../domain/licences.ts';
import { NOTE_ID } from '../../domain/wiki-links.ts';
import { NoteStatus, NoteType, NoteVisibility } from '../notes/schemas.ts';

const text = (max: number) => z.string().trim().max(max);
// YAML turns `published: 2024-05-01` into a string or a Date depending on the schema; `1` into a number.
const scalar = z.union([z.string(), z.number(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : String(v)));
const list = (max: number) =>
	z
		.union([z.array(scalar), scalar])
		.transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
		.pipe(z.array(z.string().max(max)).max(50));
const date = z.union([z.date(), z.string()]).pipe(z.coerce.date());

export const FrontMatter = z.object({
	id: z.string().regex(NOTE_ID, 'id_invalid').optional().describe('Kept when given, so old URLs keep working'),
	title: text(200).min(1).optional(),
	type: NoteType.optional(),
	language: z.enum(['fr', 'en']).optional(),
	licence: LicenceId.optional(),
	license: LicenceId.optional(),
	visibility: NoteVisibility.optional(),
	status: NoteStatus.optional(),
	summary: text(1000).optional(),
	authors: list(200)
		.optional()
		.describe('Handles of accounts (with or without @), then names of people without an account (import-authors.ts)'),
	community: text(120).optional().describe('Slug of the community the note belongs to'),
	notebook: text(200).optional().describe('Title of the notebook to include the note in'),
	category: z
		.union([z.array(z.union([scalar, z.null()])), scalar])
		.transform((v) => (Array.isArray(v) ? v : [v]).map((s) => (s ?? '').trim()))
		.pipe(z.array(z.string().max(120)).max(3))
		.optional()
		.describe('Its category in each of the notebook’s lists, in list order'),
	published: date.optional(),
	updated: date.optional(),
	created: date.optional(),
	definition: text(5000).optional(),
	synonyms: list(120).optional(),
	website: z.url({ protocol: /^https?$/ }).optional(),
	region: text(120).optional(),
	sector: text(120).optional(),
	address: text(500).optional(),
	contact: text(500).optional()
});
export type FrontMatter = z.infer<typeof FrontMatter>;

/** The keys an export writes, in this order (null and empty values are left out). */
export const FRONT_MATTER_ORDER = [
	'id',
	'title',
	'aliases',
	'type',
	'language',
	'licence',
	'visibility',
	'status',
	'summary',
	'authors',
	'community',
	'notebook',
	'category',
	'published',
	'updated',
	'created',
	'definition',
	'synonyms',
	'website',
	'region',
	'sector',
	'address',
	'contact'
] as const;
