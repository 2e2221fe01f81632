import { getCommunity } from '#lib/server/communities/index.ts';
import { presentCommunity } from '#lib/server/communities/present.ts';
import { api, methodNotAllowed, ok, presentAt } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

// getCommunity answers NotFoundError for a secret community the caller may not know of (DESIGN §6).
export const GET: RequestHandler = api(async ({ locals, params }) =>
	ok(presentCommunity(await getCommunity(locals.app.ctx.db, locals.viewer, params.slug), presentAt(locals)))
);

export const fallback = methodNotAllowed('GET');
