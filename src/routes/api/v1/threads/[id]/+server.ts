import { api, methodNotAllowed, ok, presentAt } from '#lib/server/http/api.ts';
import { getThread, noteCardsOf, presentThread } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** A thread with its messages as the caller may see them, with the notes they share; 404 to whoever may not read it. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const { db, config } = locals.app.ctx;
	const view = await getThread(db, locals.viewer, params.id, { lang: locals.lang, origin: config.publicUrl });
	return ok(presentThread(view, presentAt(locals), await noteCardsOf(db, locals.viewer, view.id)));
});

export const fallback = methodNotAllowed('GET');
