import { api, created, methodNotAllowed, presentAt, readJson, requireAccount } from '#lib/server/http/api.ts';
import { getThread, postMessage, PostMessageInput, presentMessage } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** Active members reply, to the thread or to a message (`parentId`); never in a locked thread. */
export const POST: RequestHandler = api(async ({ locals, params, request, url }) => {
	const { viewer } = requireAccount(locals);
	const input = await readJson(request, PostMessageInput);
	const { db, config } = locals.app.ctx;
	const { messageId } = await postMessage(db, viewer, params.id, input);
	const view = await getThread(db, viewer, params.id, { lang: locals.lang, origin: config.publicUrl, only: messageId });
	const [m] = view.messages;
	return created(presentMessage(m, presentAt(locals), { slug: view.place.slug, threadId: view.id }), new URL(`/api/v1/threads/${params.id}`, url).href);
});

export const fallback = methodNotAllowed('POST');
