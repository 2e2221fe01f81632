import { ValidationError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { SearchQuery, type ParsedSearchQuery, type SearchResult } from './schemas.ts';
import { searchCommons } from './search-commons.ts';

/** The query-string parameters the search page keeps from one link to the next (not the cursor: a new page starts over). */
const KEPT = ['q', 'kind', 'type', 'lang', 'licence', 'notebook', 'community', 'author', 'year', 'sort'] as const;
type Kept = (typeof KEPT)[number];
/** The facets whose values are links, in the order the page lists them; a facet that cannot narrow is not shown. */
export const FACETS = ['kind', 'type', 'language', 'licence', 'notebook', 'community', 'author', 'year'] as const;
type FacetName = (typeof FACETS)[number];
const PARAM_OF: Record<FacetName, Kept> = {
	kind: 'kind',
	type: 'type',
	language: 'lang',
	licence: 'licence',
	notebook: 'notebook',
	community: 'community',
	author: 'author',
	year: 'year'
};

export type FacetLink = { value: string; label: string | null; count: number; href: string; selected: boolean };
export type ActiveFilter = { param: Kept; value: string; label: string | null; removeHref: string };

export type SearchPage = {
	query: ParsedSearchQuery;
	/** False when nothing was asked (no words, no filter): the page explains instead of listing everything. */
	asked: boolean;
	result: SearchResult | null;
	facets: { name: FacetName; values: FacetLink[] }[];
	active: ActiveFilter[];
	sortHrefs: Record<'relevance' | 'recent', string>;
	nextHref: string | null;
	firstHref: string | null;
};

/** The page's query from its address: an unreadable parameter is dropped rather than refused (a mistyped link still searches). */
export function readSearchParams(params: URLSearchParams): ParsedSearchQuery {
	const raw: Record<string, string> = Object.fromEntries(params);
	const first = SearchQuery.safeParse(raw);
	if (first.success) return first.data;
	for (const issue of first.error.issues) delete raw[String(issue.path[0])];
	const second = SearchQuery.safeParse(raw);
	return second.success ? second.data : SearchQuery.parse({});
}

/**
 * Everything /{lang}/search shows: the results of searchCommons, and each facet value, filter and sort as a plain
 * link, so narrowing works without JavaScript. Anyone may call it.
 */
export async function loadSearchPage(db: Db, viewer: Viewer, params: URLSearchParams, lang: 'fr' | 'en'): Promise<SearchPage> {
	const query = readSearchParams(params);
	const base = `/${lang}/search`;
	const hrefWith = (change: Partial<Record<Kept | 'cursor', string | undefined>>) => {
		const out = new URLSearchParams();
		for (const key of KEPT) {
			const value = key in change ? change[key] : query[key] === undefined ? undefined : String(query[key]);
			if (value !== undefined && value !== '' && !(key === 'sort' && value === 'relevance')) out.set(key, value);
		}
		if (change.cursor) out.set('cursor', change.cursor);
		if (query.limit !== 20) out.set('limit', String(query.limit));
		return out.size ? `${base}?${out}` : base;
	};
	const asked = KEPT.some((k) => k !== 'sort' && query[k] !== undefined && query[k] !== '');
	let result: SearchResult | null = null;
	if (asked) {
		result = await searchCommons(db, viewer, query, { lang }).catch((e) => {
			// A cursor from another query or an older version: start from the first page.
			if (e instanceof ValidationError && query.cursor) return searchCommons(db, viewer, { ...query, cursor: undefined }, { lang });
			throw e;
		});
	}
	const facets = result
		? FACETS.map((name) => {
				const param = PARAM_OF[name];
				const values = result!.facets[name].map((v): FacetLink => {
					const selected = String(query[param] ?? '') === v.value;
					return {
						value: v.value,
						label: 'label' in v ? (v.label as string) : null,
						count: v.count,
						selected,
						href: hrefWith({ [param]: selected ? undefined : v.value })
					};
				});
				return { name, values };
			}).filter((f) => f.values.length > 1 || f.values.some((v) => v.selected || v.count < result!.total))
		: [];
	const labelOf = (param: Kept, value: string) => {
		const facet = FACETS.find((f) => PARAM_OF[f] === param);
		const found = facet && result?.facets[facet].find((v) => v.value === value);
		return found && 'label' in found ? (found.label as string) : null;
	};
	const active: ActiveFilter[] = KEPT.filter((k) => k !== 'q' && k !== 'sort' && query[k] !== undefined).map((param) => ({
		param,
		value: String(query[param]),
		label: labelOf(param, String(query[param])),
		removeHref: hrefWith({ [param]: undefined })
	}));
	return {
		query,
		asked,
		result,
		facets,
		active,
		sortHrefs: { relevance: hrefWith({ sort: 'relevance' }), recent: hrefWith({ sort: 'recent' }) },
		nextHref: result?.nextCursor ? hrefWith({ cursor: result.nextCursor }) : null,
		firstHref: query.cursor ? hrefWith({}) : null
	};
}
