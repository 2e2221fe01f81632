import { getCommunity, updateCommunity, UpdateCommunityInput } from '#lib/server/communities/index.ts';
import { presentCommunity } from '#lib/server/communities/present.ts';
import { api, methodNotAllowed, ok, presentAt, readJson, requireAccount } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

// getCommunity answers NotFoundError for a secret community the caller may not know of (DESIGN §6).
export const GET: RequestHandler = api(async ({ locals, params }) =>
	ok(presentCommunity(await getCommunity(locals.app.ctx.db, locals.viewer, params.slug), presentAt(locals)))
);

/** Hosts (and admins) change the name, description, kind or region; the answer is the community as saved. */
export const PATCH: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const input = await readJson(request, UpdateCommunityInput);
	const { db } = locals.app.ctx;
	const { slug } = await updateCommunity(db, viewer, params.slug, input);
	return ok(presentCommunity(await getCommunity(db, viewer, slug), presentAt(locals)));
});

export const fallback = methodNotAllowed('GET, PATCH');
