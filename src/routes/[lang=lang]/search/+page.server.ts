import { loadSearchPage } from '#lib/server/search/search-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	page: await loadSearchPage(locals.app.ctx.db, locals.viewer, url.searchParams, locals.lang)
});
