import { api, created, methodNotAllowed, presentAt, requireAccount } from '#lib/server/http/api.ts';
import { readWithFiles } from '#lib/server/http/upload.ts';
import { postMessageAndShow, PostMessageInput, presentMessage, withMessageFiles } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** Active members reply, to the thread or to a message (`parentId`), with files if multipart; never in a locked thread. */
export const POST: RequestHandler = api(
	async (event) => {
		const { locals, params, url } = event;
		const { viewer } = requireAccount(locals);
		const { input, files, alt } = await readWithFiles(event, PostMessageInput);
		const { db, config } = locals.app.ctx;
		const posted = await withMessageFiles(locals.app.ctx, files, alt, (prepared) =>
			postMessageAndShow(db, viewer, params.id, input, prepared)
		);
		const { place, message } = await posted.show({ lang: locals.lang, origin: config.publicUrl });
		return created(
			presentMessage(message, presentAt(locals), { slug: place.slug, threadId: params.id }),
			new URL(`/api/v1/threads/${params.id}`, url).href
		);
	},
	{ uploads: true }
);

export const fallback = methodNotAllowed('POST');
