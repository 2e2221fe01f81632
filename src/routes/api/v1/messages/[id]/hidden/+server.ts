import { api, methodNotAllowed, noContent, requireAccount } from '#lib/server/http/api.ts';
import { setMessageHidden } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** Hosts hide a message (its text then shows to hosts only)… */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	await setMessageHidden(locals.app.ctx.db, requireAccount(locals).viewer, params.id, true);
	return noContent();
});

/** …and show it again. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	await setMessageHidden(locals.app.ctx.db, requireAccount(locals).viewer, params.id, false);
	return noContent();
});

export const fallback = methodNotAllowed('POST, DELETE');
