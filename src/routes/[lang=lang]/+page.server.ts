import { listCommunities } from '#lib/server/communities/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	communities: (await listCommunities(locals.app.ctx.db, locals.viewer)).slice(0, 6)
});
