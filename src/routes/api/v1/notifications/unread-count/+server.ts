import { api, methodNotAllowed, ok, requireAccount } from '#lib/server/http/api.ts';
import { countUnread } from '#lib/server/notifications/index.ts';
import type { RequestHandler } from './$types';

/** The bell's number: the caller's unread notifications they may see. */
export const GET: RequestHandler = api(async ({ locals }) => {
	const { viewer } = requireAccount(locals);
	return ok({ unread: await countUnread(locals.app.ctx.db, viewer) });
});

export const fallback = methodNotAllowed('GET');
