import { redirect } from '@sveltejs/kit';
import {
	countUnread,
	ConversationMessagesQuery,
	getConversation,
	markConversationRead,
	presentConversationView,
	sendMessage,
	SendMessageInput
} from '#lib/server/conversations/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { Actions, PageServerLoad } from './$types';

const signIn = (lang: string, url: URL) => `/${lang}/sign-in?next=${encodeURIComponent(url.pathname)}`;

// Only participants see a conversation: anyone else, admins included, gets the same 404 as for a missing one.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.account || locals.viewer.kind !== 'account') redirect(303, signIn(locals.lang, url));
	const { db, config } = locals.app.ctx;
	try {
		const query = ConversationMessagesQuery.parse({ cursor: url.searchParams.get('cursor') ?? undefined });
		const view = await getConversation(db, locals.viewer, params.id, query, { lang: locals.lang, publicUrl: config.publicUrl });
		// Opening the conversation reads it. The header's count comes from here (page data wins over the layout's),
		// since the layout's load runs beside this one and may count before the marking.
		await markConversationRead(db, locals.viewer, params.id);
		return { conversation: presentConversationView(view, locals.viewer.id), dmUnread: await countUnread(db, locals.viewer) };
	} catch (e) {
		rethrowForPage(e);
	}
};

export const actions: Actions = {
	send: async ({ request, locals, params, url }) => {
		if (!locals.account) redirect(303, signIn(locals.lang, url));
		return handleForm(request, SendMessageInput, async (input) => {
			await sendMessage(locals.app.ctx, locals.viewer, params.id, input);
			redirect(303, `/${locals.lang}/messages/${params.id}#latest`);
		});
	}
};
