import { CommunityKind, CommunityRegion, listCommunitiesWithFacets, presentCommunityCard } from '#lib/server/communities/index.ts';
import type { PageServerLoad } from './$types';

// Filters come from the query string (a GET form), so they work without JavaScript; a value that is not a kind is ignored.
export const load: PageServerLoad = async ({ locals, url }) => {
	const kind = CommunityKind.optional()
		.catch(undefined)
		.parse(url.searchParams.get('kind') || undefined);
	const region =
		CommunityRegion.optional()
			.catch(undefined)
			.parse(url.searchParams.get('region') || undefined) || undefined;
	const { items, facets } = await listCommunitiesWithFacets(locals.app.ctx.db, locals.viewer, { kind, region });
	return {
		communities: items.map(presentCommunityCard),
		facets,
		filters: { kind: kind ?? '', region: region ?? '' },
		// Set after leaving a community that the viewer can no longer see (its page would now be a 404).
		left: url.searchParams.has('left'),
		declined: url.searchParams.has('declined')
	};
};
