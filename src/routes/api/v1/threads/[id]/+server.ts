import { api, methodNotAllowed, ok, presentAt } from '#lib/server/http/api.ts';
import { getThread, presentThread } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** A thread with its messages as the caller may see them; 404 to whoever may not read it. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const view = await getThread(locals.app.ctx.db, locals.viewer, params.id, { lang: locals.lang, origin: locals.app.ctx.config.publicUrl });
	return ok(presentThread(view, presentAt(locals)));
});

export const fallback = methodNotAllowed('GET');
