// The search part of the OpenAPI document (issue 5, ADR 8): full-text search across the commons and suggestions.
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { SearchQuery, SearchResultJson, SuggestQuery, SuggestResultJson } from '../search/schemas.ts';
import { badToken, invalid, jsonBody, optionalAuth } from './openapi-parts.ts';

const operations = {
	search: {
		operationId: 'search',
		tags: ['search'],
		summary: 'Search the notes, notebooks, communities and people the caller may see',
		description:
			'Words match any form of themselves in the note’s language (French and English stemming), accents and case aside; ' +
			'`"a phrase"`, `-word` and `OR` work as in web search engines. Titles rank first; a title typed with a typo is ' +
			'found when the words find little, and `didYouMean` offers close titles. `facets` counts every result of the query ' +
			'and filters (never anything hidden from the caller); a note filter (`type`, `lang`, `licence`, `notebook`, ' +
			'`community`, `author`, `year`) keeps notes only. Follow `nextCursor` with `?cursor=` for more.',
		security: optionalAuth,
		requestParams: { query: SearchQuery },
		responses: { 200: jsonBody('One page of results', SearchResultJson), 401: badToken, 422: invalid }
	},
	suggest: {
		operationId: 'suggestSearch',
		tags: ['search'],
		summary: 'Titles for what has been typed so far (as-you-type suggestions)',
		description:
			'Titles of notes, notebooks, communities and people the caller may see that start with, contain or look like `q` ' +
			'(accents and case aside, typos tolerated). Nothing for fewer than three characters.',
		security: optionalAuth,
		requestParams: { query: SuggestQuery },
		responses: { 200: jsonBody('Suggestions, best first', SuggestResultJson), 401: badToken, 422: invalid }
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

export const searchTag = { name: 'search', description: 'Full-text search across the commons' };

export const searchPaths: ZodOpenApiPathsObject = {
	'/api/v1/search': { get: operations.search },
	'/api/v1/search/suggest': { get: operations.suggest }
};
