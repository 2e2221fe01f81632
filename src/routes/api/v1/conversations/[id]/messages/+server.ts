import { getConversation, presentConversation, sendMessage, SendMessageInput } from '#lib/server/conversations/index.ts';
import { api, created, methodNotAllowed, presentAt, readJson } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

/** Sends a message; answers the conversation with its latest messages, the new one last. */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = locals;
	const input = await readJson(request, SendMessageInput);
	const { db, config } = locals.app.ctx;
	await sendMessage(locals.app.ctx, viewer, params.id, input);
	const body = presentConversation(await getConversation(db, viewer, params.id, { limit: 50 }, { lang: locals.lang, publicUrl: config.publicUrl }), presentAt(locals));
	return created(body, body.apiUrl);
});

export const fallback = methodNotAllowed('POST');
