import { api, methodNotAllowed, ok, presentAt, readQuery } from '#lib/server/http/api.ts';
import { SuggestQuery, suggestSearch, type SuggestResult } from '#lib/server/search/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, url }) => {
	const body: SuggestResult = await suggestSearch(locals.app.ctx.db, locals.viewer, readQuery(url, SuggestQuery), presentAt(locals));
	return ok(body);
});

export const fallback = methodNotAllowed('GET');
