import { countUnread } from '#lib/server/conversations/index.ts';
import { countUnread as countUnreadNotifications } from '#lib/server/notifications/index.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => ({
	lang: locals.lang,
	account: locals.account && { handle: locals.account.handle, displayName: locals.account.displayName, isAdmin: locals.account.isAdmin },
	// Unread direct messages beside "Messages" in the header. Reading the path reruns this on every navigation, so
	// the count follows; a conversation page returns its own dmUnread, counted after it marked itself read.
	dmUnread: locals.viewer.kind === 'account' && url.pathname ? await countUnread(locals.app.ctx.db, locals.viewer) : 0,
	// The bell's number (signed-in only): unread notifications the viewer may still see.
	unreadNotifications: locals.viewer.kind === 'account' ? await countUnreadNotifications(locals.app.ctx.db, locals.viewer) : 0
});
