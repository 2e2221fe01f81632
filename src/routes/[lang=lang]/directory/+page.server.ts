import { ValidationError } from '#lib/domain/errors.ts';
import {
	DirectoryQuery,
	listDirectory,
	listDirectoryFacets,
	presentFacetOptions,
	presentOrganizationCard
} from '#lib/server/glossary/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = locals.app.ctx;
	// A mistyped address still shows the directory: unreadable filters are dropped, an unknown cursor starts over.
	const parsed = DirectoryQuery.safeParse(Object.fromEntries(url.searchParams));
	const filters = parsed.success ? parsed.data : DirectoryQuery.parse({});
	const [page, facets] = await Promise.all([
		listDirectory(db, locals.viewer, filters).catch((e) => {
			if (e instanceof ValidationError) return listDirectory(db, locals.viewer, { ...filters, cursor: undefined });
			throw e;
		}),
		listDirectoryFacets(db, locals.viewer)
	]);
	const regions = presentFacetOptions(facets.regions, filters.region);
	const sectors = presentFacetOptions(facets.sectors, filters.sector);
	// Links to other pages of these results keep the filters in force.
	const pageUrl = (cursor: string | null) => {
		const params = new URLSearchParams();
		if (filters.q) params.set('q', filters.q);
		if (regions.selected) params.set('region', regions.selected);
		if (sectors.selected) params.set('sector', sectors.selected);
		if (url.searchParams.has('limit')) params.set('limit', String(filters.limit));
		if (cursor) params.set('cursor', cursor);
		return `/${locals.lang}/directory${params.size ? `?${params}` : ''}`;
	};
	return {
		items: page.items.map(presentOrganizationCard),
		total: page.total,
		regions,
		sectors,
		q: filters.q ?? '',
		nextUrl: page.next ? pageUrl(page.next) : null,
		firstUrl: filters.cursor ? pageUrl(null) : null
	};
};
