import { ConversationMessagesQuery, getConversation, presentConversation } from '#lib/server/conversations/index.ts';
import { api, methodNotAllowed, ok, presentAt, readQuery } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

// A conversation answers 404 to whoever does not take part in it, admins included (domain/conversations.ts).
// Reading it here does not mark it read: POST …/read does, so a script can look without changing anything.
export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const { viewer } = locals;
	const query = readQuery(url, ConversationMessagesQuery);
	const { db, config } = locals.app.ctx;
	const view = await getConversation(db, viewer, params.id, query, { lang: locals.lang, publicUrl: config.publicUrl });
	return ok(presentConversation(view, presentAt(locals)));
});

export const fallback = methodNotAllowed('GET');
