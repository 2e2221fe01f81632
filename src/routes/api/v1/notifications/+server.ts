import { api, methodNotAllowed, ok, presentAt, readQuery, requireAccount } from '#lib/server/http/api.ts';
import { ListNotificationsQuery, listNotifications, presentNotificationJson } from '#lib/server/notifications/index.ts';
import type { RequestHandler } from './$types';

/** The caller's notifications, newest first, by cursor: only what they may still see. */
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const { viewer } = requireAccount(locals);
	const page = await listNotifications(locals.app.ctx.db, viewer, locals.lang, readQuery(url, ListNotificationsQuery));
	const at = presentAt(locals);
	return ok({ items: page.items.map((n) => presentNotificationJson(n, at)), unread: page.unread, next: page.next });
});

export const fallback = methodNotAllowed('GET');
