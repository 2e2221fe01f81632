import { z } from 'zod';
import { PageQuery } from '../db/cursor.ts';

/** The glossary's sections: A to Z, then "#" for titles that start with anything else (a digit, a quote…). */
export const GLOSSARY_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const;
export type GlossaryLetter = (typeof GLOSSARY_LETTERS)[number];

export const GlossaryLetter = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
	z.enum(GLOSSARY_LETTERS, { error: 'letter_invalid' })
);

// An empty field of a GET form means "no filter", not "match the empty string".
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number, description: string) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, 'text_too_long').optional()).describe(description);

export const GlossaryQuery = z.object({
	letter: z
		.preprocess(blankToUndefined, GlossaryLetter.optional())
		.describe('Keep terms under this letter: A to Z (accents aside, É is under E), or # for the others'),
	q: optionalText(200, 'Keep terms whose title or a synonym contains this text (accents and case aside)')
});
export type GlossaryQuery = z.infer<typeof GlossaryQuery>;

export const DirectoryQuery = PageQuery.extend({
	region: optionalText(120, 'Keep organisations of this region (accents and case aside), as listed in `facets.regions`'),
	sector: optionalText(120, 'Keep organisations of this sector (accents and case aside), as listed in `facets.sectors`'),
	q: optionalText(200, 'Keep organisations whose name contains this text (accents and case aside)')
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

// Response shapes of the JSON API; presenters (present.ts) return these types and OpenAPI is generated from them.

export const GlossaryTermJson = z
	.object({
		id: z.string().describe('Note id'),
		title: z.string().describe('The term'),
		letter: z.enum(GLOSSARY_LETTERS).describe('Its section of the glossary'),
		definition: z.string().nullable().describe('What it means'),
		synonyms: z.array(z.string()).describe('Other words that name it, possibly none'),
		language: z.string().describe('Language of the note (BCP 47)'),
		url: z.url().describe('Note page')
	})
	.meta({ id: 'GlossaryTerm', description: 'A lexicon term' });
export type GlossaryTermJson = z.infer<typeof GlossaryTermJson>;

export const GlossaryJson = z
	.object({
		letters: z
			.array(z.object({ letter: z.enum(GLOSSARY_LETTERS), count: z.number().int().describe('Terms the caller may see') }))
			.describe('The sections that hold at least one term the caller may see, whatever `letter` and `q` ask'),
		items: z.array(GlossaryTermJson).describe('Terms by section, then alphabetically, accents and case aside'),
		complete: z.boolean().describe('false when there were more terms than one answer holds: ask for one letter at a time')
	})
	.meta({ id: 'Glossary', description: 'Lexicon terms the caller may see, A to Z' });
export type GlossaryJson = z.infer<typeof GlossaryJson>;

export const FacetJson = z.object({
	value: z.string().describe('The value to filter by'),
	count: z.number().int().describe('Organisations the caller may see with this value')
});

export const OrganizationJson = z
	.object({
		id: z.string().describe('Note id'),
		name: z.string().describe('Name of the organisation (the note title)'),
		summary: z.string().describe('Summary, possibly empty'),
		region: z.string().nullable(),
		sector: z.string().nullable(),
		website: z.url().nullable().describe('Its website (http or https only)'),
		language: z.string().describe('Language of the note (BCP 47)'),
		url: z.url().describe('Note page')
	})
	.meta({ id: 'Organization', description: 'An organisation of the directory' });
export type OrganizationJson = z.infer<typeof OrganizationJson>;

export const DirectoryPageJson = z
	.object({
		items: z.array(OrganizationJson).describe('Organisations by name, accents and case aside'),
		total: z.number().int().describe('Organisations the caller may see that match the filters'),
		next: z.string().nullable().describe('Cursor of the next page, null on the last page'),
		facets: z
			.object({ regions: z.array(FacetJson), sectors: z.array(FacetJson) })
			.describe('Every region and sector of the organisations the caller may see, with counts (filters aside)')
	})
	.meta({ id: 'DirectoryPage', description: 'One page of the directory of organisations' });
export type DirectoryPageJson = z.infer<typeof DirectoryPageJson>;
