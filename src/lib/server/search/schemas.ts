import { z } from 'zod';
import { LicenceId } from '../../domain/licences.ts';
import { NoteType } from '../notes/schemas.ts';

// The search's input and output (issue 5). The page's GET form, the JSON API and the OpenAPI document share these:
// an empty field of a GET form means "no filter", not "match the empty string".
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const SEARCH_KINDS = ['note', 'notebook', 'community', 'person', 'message'] as const;
export const SearchKind = z.enum(SEARCH_KINDS).describe('note, notebook, community, person or message (of a community discussion)');
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchSort = z.enum(['relevance', 'recent']).describe('relevance: best match first; recent: newest first');
export type SearchSort = z.infer<typeof SearchSort>;

/** Most items one answer holds. */
export const SEARCH_MAX_LIMIT = 50;

export const SearchQuery = z.object({
	q: z
		.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(200, 'text_too_long'))
		.describe(
			'What to look for, in web search syntax: words (accents and case aside, any form of a word: "plateforme" finds ' +
				'"plateformes"), "a quoted phrase", -word to leave out, OR between alternatives. Empty: everything, newest first'
		),
	kind: optional(SearchKind).describe('Keep one kind of result; note filters (type, lang, licence…) keep notes only'),
	type: optional(NoteType).describe('Keep notes of this type'),
	lang: optional(
		z
			.string()
			.trim()
			.regex(/^[a-z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'lang_invalid')
	).describe('Keep notes in this language (BCP 47, as listed in `facets.language`)'),
	licence: optional(LicenceId).describe('Keep notes under this licence'),
	notebook: optional(z.string().trim().max(64, 'text_too_long')).describe('Keep notes included in this notebook (its id)'),
	community: optional(z.string().trim().max(64, 'text_too_long')).describe('Keep notes of this community (its slug)'),
	author: optional(
		z
			.string()
			.trim()
			.max(41, 'text_too_long')
			.transform((h) => h.replace(/^@/, ''))
	).describe('Keep notes by this author (handle, with or without @)'),
	year: optional(
		z.coerce.number({ error: 'year_invalid' }).int('year_invalid').min(1900, 'year_invalid').max(2100, 'year_invalid')
	).describe('Keep notes published that year (UTC)'),
	sort: z.preprocess(blankToUndefined, SearchSort.default('relevance')),
	limit: z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ error: 'limit_invalid' })
			.int('limit_invalid')
			.min(1, 'limit_invalid')
			.max(SEARCH_MAX_LIMIT, 'limit_invalid')
			.default(20)
			.describe(`Items per page, 1 to ${SEARCH_MAX_LIMIT}`)
	),
	cursor: optional(z.string().max(500, 'cursor_invalid')).describe('Opaque cursor: the `nextCursor` of the previous page')
});
export type ParsedSearchQuery = z.output<typeof SearchQuery>;
/** What a caller passes (every field optional; strings from a query string are accepted and parsed too). */
export type SearchQuery = {
	q?: string;
	kind?: SearchKind;
	type?: z.infer<typeof NoteType>;
	lang?: string;
	licence?: LicenceId;
	notebook?: string;
	community?: string;
	author?: string;
	year?: number | string;
	sort?: SearchSort;
	limit?: number | string;
	cursor?: string;
};

export const SearchItemJson = z
	.object({
		id: z.string().describe('Note or notebook id, community slug, or person handle'),
		kind: SearchKind,
		type: NoteType.nullable().describe('The note type; null for other kinds'),
		title: z.string().describe('Title, name of the notebook or community, or display name'),
		snippet: z
			.string()
			.describe(
				'An extract around the matched words, as HTML: the text is escaped and the matched words are wrapped in ' +
					'<mark>…</mark>, no other markup. Possibly empty'
			),
		url: z.string().describe('Its page')
	})
	.meta({ id: 'SearchItem', description: 'One result' });
export type SearchItemJson = z.infer<typeof SearchItemJson>;

const FacetValue = z.object({
	value: z.string().describe('The value to filter by'),
	count: z.number().int().describe('Results the caller may see with this value, among the current ones')
});
const LabelledFacetValue = FacetValue.extend({ label: z.string().describe('What to show') });

export const SearchFacetsJson = z
	.object({
		kind: z.array(FacetValue).describe('Results by kind'),
		type: z.array(FacetValue).describe('Notes by type'),
		language: z.array(FacetValue).describe('Notes by language'),
		licence: z.array(FacetValue).describe('Notes by licence'),
		notebook: z.array(LabelledFacetValue).describe('Notes by notebook the caller may see (value: notebook id)'),
		community: z.array(LabelledFacetValue).describe('Notes by community the caller may see (value: slug)'),
		author: z.array(LabelledFacetValue).describe('Notes by author (value: handle)'),
		year: z.array(FacetValue).describe('Notes by year of publication, newest first')
	})
	.meta({ id: 'SearchFacets', description: 'Counts over every result of the query and filters, not just this page' });
export type SearchFacetsJson = z.infer<typeof SearchFacetsJson>;

export const SearchSuggestionJson = z
	.object({
		id: z.string(),
		kind: SearchKind,
		title: z.string(),
		url: z.string().describe('Its page')
	})
	.meta({ id: 'SearchSuggestion', description: 'A title the caller may see' });
export type SearchSuggestionJson = z.infer<typeof SearchSuggestionJson>;

export const SearchResultJson = z
	.object({
		items: z.array(SearchItemJson),
		facets: SearchFacetsJson,
		total: z.number().int().describe('How many results the caller may see, over all pages'),
		nextCursor: z.string().nullable().describe('Cursor of the next page, null on the last page'),
		didYouMean: z
			.array(SearchSuggestionJson)
			.describe('When little or nothing matched: titles close to the query as typed (typos, missing letters)')
	})
	.meta({ id: 'SearchResult', description: 'One page of search results the caller may see' });
export type SearchResult = z.infer<typeof SearchResultJson>;

export const SuggestQuery = z.object({
	q: z
		.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(200, 'text_too_long'))
		.describe('What has been typed so far'),
	limit: z.preprocess(
		blankToUndefined,
		z.coerce.number({ error: 'limit_invalid' }).int('limit_invalid').min(1, 'limit_invalid').max(20, 'limit_invalid').default(8)
	)
});
export type SuggestQuery = { q?: string; limit?: number | string };

export const SuggestResultJson = z
	.object({ items: z.array(SearchSuggestionJson).describe('Titles that start with, contain or look like what was typed') })
	.meta({ id: 'SearchSuggestions', description: 'Suggestions as you type' });
export type SuggestResult = z.infer<typeof SuggestResultJson>;

/** Where result URLs point: the interface language, and the instance's origin for absolute URLs (API). */
export type SearchPlace = { lang?: 'fr' | 'en'; publicUrl?: string };
