import { api, methodNotAllowed, ok } from '#lib/server/http/api.ts';
import { getNotebookGraph } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

/** The notes of the notebook the caller may see and the links between them. */
export const GET: RequestHandler = api(async ({ locals, params }) =>
	ok(await getNotebookGraph(locals.app.ctx.db, locals.viewer, params.id))
);

export const fallback = methodNotAllowed('GET');
