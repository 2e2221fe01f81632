import { api, methodNotAllowed, noContent, ok, presentAt, readJson, requireAccount } from '#lib/server/http/api.ts';
import { deleteNotebook, getNotebook, presentNotebook, updateNotebook, UpdateNotebookInput } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	ok(presentNotebook(await getNotebook(locals.app.ctx.db, locals.viewer, params.id), presentAt(locals)))
);

/** Managers change the fields they send; answers the notebook as it now is. */
export const PATCH: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const { db } = locals.app.ctx;
	await updateNotebook(db, viewer, params.id, await readJson(request, UpdateNotebookInput));
	return ok(presentNotebook(await getNotebook(db, viewer, params.id), presentAt(locals)));
});

/** Managers delete the notebook (its notes stay); from then on it answers 404 to everyone but admins. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await deleteNotebook(locals.app.ctx.db, viewer, params.id);
	return noContent();
});

export const fallback = methodNotAllowed('GET, PATCH, DELETE');
