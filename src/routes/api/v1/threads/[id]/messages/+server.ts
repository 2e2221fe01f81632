import { api, created, methodNotAllowed, presentAt, readJson, requireAccount } from '#lib/server/http/api.ts';
import { getMessage, postMessage, PostMessageInput, presentMessage } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** Active members reply, to the thread or to a message (`parentId`); never in a locked thread. */
export const POST: RequestHandler = api(async ({ locals, params, request, url }) => {
	const { viewer } = requireAccount(locals);
	const input = await readJson(request, PostMessageInput);
	const { db, config } = locals.app.ctx;
	const { messageId } = await postMessage(db, viewer, params.id, input);
	const { place, message } = await getMessage(db, viewer, params.id, messageId, { lang: locals.lang, origin: config.publicUrl });
	return created(presentMessage(message, presentAt(locals), { slug: place.slug, threadId: params.id }), new URL(`/api/v1/threads/${params.id}`, url).href);
});

export const fallback = methodNotAllowed('POST');
