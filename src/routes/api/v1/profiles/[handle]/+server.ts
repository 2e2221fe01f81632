import { api, methodNotAllowed, ok, presentAt } from '#lib/server/http/api.ts';
import { getProfile } from '#lib/server/profiles/index.ts';
import { presentProfileJson } from '#lib/server/profiles/present.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	ok(presentProfileJson(await getProfile(locals.app.ctx.db, locals.viewer, params.handle), presentAt(locals)))
);

export const fallback = methodNotAllowed('GET');
