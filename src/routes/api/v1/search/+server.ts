import { api, methodNotAllowed, ok, presentAt, readQuery } from '#lib/server/http/api.ts';
import { SearchQuery, searchCommons, type SearchResult } from '#lib/server/search/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, url }) => {
	const body: SearchResult = await searchCommons(locals.app.ctx.db, locals.viewer, readQuery(url, SearchQuery), presentAt(locals));
	return ok(body);
});

export const fallback = methodNotAllowed('GET');
