import { listCommunities, presentCommunityCard } from '#lib/server/communities/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	communities: (await listCommunities(locals.app.ctx.db, locals.viewer)).map(presentCommunityCard),
	// Set after leaving a community that the viewer can no longer see (its page would now be a 404).
	left: url.searchParams.has('left'),
	declined: url.searchParams.has('declined')
});
