import {
	getConversation,
	ListConversationsQuery,
	listConversations,
	presentConversation,
	presentConversationPage,
	startConversation,
	StartConversationInput
} from '#lib/server/conversations/index.ts';
import { api, created, methodNotAllowed, ok, presentAt, readJson, readQuery, requireAccount } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

// Conversations are private to their participants: the list is the caller's own, and signing in is required.
export const GET: RequestHandler = api(async ({ locals, url }) => {
	const { viewer } = requireAccount(locals);
	const query = readQuery(url, ListConversationsQuery);
	return ok(presentConversationPage(await listConversations(locals.app.ctx.db, viewer, query), presentAt(locals)));
});

export const POST: RequestHandler = api(async ({ locals, request }) => {
	const { viewer } = requireAccount(locals);
	const input = await readJson(request, StartConversationInput);
	const { db, config } = locals.app.ctx;
	const { id, created: isNew } = await startConversation(locals.app.ctx, viewer, input);
	const body = presentConversation(
		await getConversation(db, viewer, id, { limit: 50 }, { lang: locals.lang, publicUrl: config.publicUrl }),
		presentAt(locals)
	);
	return isNew ? created(body, body.apiUrl) : ok(body, { location: body.apiUrl });
});

export const fallback = methodNotAllowed('GET, POST');
