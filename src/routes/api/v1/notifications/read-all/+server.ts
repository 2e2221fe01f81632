import { api, methodNotAllowed, noContent, requireAccount } from '#lib/server/http/api.ts';
import { markAllNotificationsRead } from '#lib/server/notifications/index.ts';
import type { RequestHandler } from './$types';

/** Marks all the caller's notifications read. */
export const POST: RequestHandler = api(async ({ locals }) => {
	const { viewer } = requireAccount(locals);
	await markAllNotificationsRead(locals.app.ctx.db, viewer);
	return noContent();
});

export const fallback = methodNotAllowed('POST');
