import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { formatDateTime } from '#lib/dates.ts';
import { handleForm, isFormFailure } from '#lib/server/http/forms.ts';
import {
	ListNotificationsQuery,
	listNotifications,
	markAllNotificationsRead,
	markNotificationRead
} from '#lib/server/notifications/index.ts';
import type { Actions, PageServerLoad } from './$types';

const ReadInput = z.object({ id: z.string().min(1).max(64) });

function signedIn(locals: App.Locals, url: URL) {
	if (locals.viewer.kind !== 'account') redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.viewer;
}

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const viewer = signedIn(locals, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const query = ListNotificationsQuery.safeParse(Object.fromEntries(url.searchParams));
	const page = await listNotifications(locals.app.ctx.db, viewer, locals.lang, query.success ? query.data : { limit: 20 });
	return {
		items: page.items.map((n) => ({ ...n, createdAt: { iso: n.createdAt.toISOString(), text: formatDateTime(n.createdAt, locals.lang) } })),
		unread: page.unread,
		next: page.next,
		allRead: url.searchParams.has('all-read')
	};
};

export const actions: Actions = {
	read: async ({ request, locals, url }) => {
		const viewer = signedIn(locals, url);
		const result = await handleForm(request, ReadInput, (input) => markNotificationRead(locals.app.ctx.db, viewer, input.id));
		if (isFormFailure(result)) return result;
		return { read: true };
	},
	readAll: async ({ locals, url }) => {
		const viewer = signedIn(locals, url);
		await markAllNotificationsRead(locals.app.ctx.db, viewer);
		redirect(303, `/${locals.lang}/notifications?all-read`);
	}
};
