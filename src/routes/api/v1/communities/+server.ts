import { createCommunity, CreateCommunityInput, getCommunity, ListCommunitiesQuery } from '#lib/server/communities/index.ts';
import { listCommunitiesPage } from '#lib/server/communities/index.ts';
import { presentCommunity, presentCommunityPage } from '#lib/server/communities/present.ts';
import { api, created, methodNotAllowed, ok, presentAt, readJson, readQuery, requireAccount } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, url }) => {
	const query = readQuery(url, ListCommunitiesQuery);
	return ok(presentCommunityPage(await listCommunitiesPage(locals.app.ctx.db, locals.viewer, query), presentAt(locals)));
});

export const POST: RequestHandler = api(async ({ locals, request }) => {
	const { viewer } = requireAccount(locals);
	const input = await readJson(request, CreateCommunityInput);
	const { db } = locals.app.ctx;
	const { slug } = await createCommunity(db, viewer, input);
	const body = presentCommunity(await getCommunity(db, viewer, slug), presentAt(locals));
	return created(body, body.apiUrl);
});

export const fallback = methodNotAllowed('GET, POST');
