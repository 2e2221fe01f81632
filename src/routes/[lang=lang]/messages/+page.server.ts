import { redirect } from '@sveltejs/kit';
import { listConversations, ListConversationsQuery, presentConversationItem } from '#lib/server/conversations/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.account || locals.viewer.kind !== 'account') redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
	try {
		const query = ListConversationsQuery.parse({ cursor: url.searchParams.get('cursor') ?? undefined, limit: 30 });
		const page = await listConversations(locals.app.ctx.db, locals.viewer, query);
		const viewerId = locals.viewer.id;
		return { conversations: page.items.map((c) => presentConversationItem(c, viewerId)), next: page.next, dmUnread: page.unreadTotal };
	} catch (e) {
		rethrowForPage(e);
	}
};
