import { api, created, methodNotAllowed, presentAt, readJson, requireAccount } from '#lib/server/http/api.ts';
import { createNotebook, CreateNotebookInput, getNotebook, presentNotebook } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ locals, request, url }) => {
	const { viewer } = requireAccount(locals);
	const input = await readJson(request, CreateNotebookInput);
	const { db } = locals.app.ctx;
	const { id } = await createNotebook(db, viewer, input);
	return created(presentNotebook(await getNotebook(db, viewer, id), presentAt(locals)), new URL(`/api/v1/notebooks/${id}`, url).href);
});

export const fallback = methodNotAllowed('POST');
