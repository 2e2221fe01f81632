import { api, methodNotAllowed, noContent, requireAccount } from '#lib/server/http/api.ts';
import { setThreadLocked } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** Hosts of a community the thread is shown in lock it: no new messages. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	await setThreadLocked(locals.app.ctx.db, requireAccount(locals).viewer, params.id, true);
	return noContent();
});

export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	await setThreadLocked(locals.app.ctx.db, requireAccount(locals).viewer, params.id, false);
	return noContent();
});

export const fallback = methodNotAllowed('POST, DELETE');
