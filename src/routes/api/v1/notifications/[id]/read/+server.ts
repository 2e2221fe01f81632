import { api, methodNotAllowed, noContent, requireAccount } from '#lib/server/http/api.ts';
import { markNotificationRead, NotificationIdParam } from '#lib/server/notifications/index.ts';
import type { RequestHandler } from './$types';

/** Marks one of the caller's notifications read (again: no change); 404 when it is not theirs. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await markNotificationRead(locals.app.ctx.db, viewer, NotificationIdParam.parse(params).id);
	return noContent();
});

export const fallback = methodNotAllowed('POST');
