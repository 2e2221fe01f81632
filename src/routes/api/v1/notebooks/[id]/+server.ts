import { api, methodNotAllowed, ok, presentAt } from '#lib/server/http/api.ts';
import { getNotebook, presentNotebook } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	ok(presentNotebook(await getNotebook(locals.app.ctx.db, locals.viewer, params.id), presentAt(locals)))
);

export const fallback = methodNotAllowed('GET');
