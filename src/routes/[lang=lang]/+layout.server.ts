import { countUnread } from '#lib/server/conversations/index.ts';
import { countUnread as countUnreadNotifications } from '#lib/server/notifications/index.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, depends }) => {
	const { viewer } = locals;
	// The header's live updates reload the counts (a new direct message).
	depends('app:unread');
	// Unread direct messages beside "Messages" in the header, and the bell's number (unread notifications the viewer
	// may still see). Reading the path reruns this on every navigation, so the counts follow; a conversation page
	// returns its own dmUnread, counted after it marked itself read.
	const [dmUnread, unreadNotifications] =
		viewer.kind === 'account' && url.pathname
			? await Promise.all([countUnread(locals.app.ctx.db, viewer), countUnreadNotifications(locals.app.ctx.db, viewer)])
			: [0, 0];
	return {
		lang: locals.lang,
		account: locals.account && { handle: locals.account.handle, displayName: locals.account.displayName, isAdmin: locals.account.isAdmin },
		dmUnread,
		unreadNotifications
	};
};
