import { api, created, methodNotAllowed, readJson, requireAccount } from '#lib/server/http/api.ts';
import { addCategory, CategoryInput } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

/** Managers add a category at the end of a list; answers its id. */
export const POST: RequestHandler = api(async ({ locals, params, request, url }) => {
	const { viewer } = requireAccount(locals);
	const { id } = await addCategory(locals.app.ctx.db, viewer, params.id, await readJson(request, CategoryInput));
	return created({ id }, new URL(`/api/v1/notebooks/${params.id}`, url).href);
});

export const fallback = methodNotAllowed('POST');
