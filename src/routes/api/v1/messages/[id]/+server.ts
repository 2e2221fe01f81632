import { api, methodNotAllowed, noContent, ok, presentAt, readJson, requireAccount } from '#lib/server/http/api.ts';
import { deleteMessageWithFiles, editMessage, EditMessageInput, getMessage, presentMessage } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** The author edits their message; answers it as it now is. */
export const PATCH: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const input = await readJson(request, EditMessageInput);
	const { db, config } = locals.app.ctx;
	const { threadId } = await editMessage(db, viewer, params.id, input);
	const { place, message } = await getMessage(db, viewer, threadId, params.id, { lang: locals.lang, origin: config.publicUrl });
	return ok(presentMessage(message, presentAt(locals), { slug: place.slug, threadId }));
});

/** The author deletes their message: its text goes, its place stays for the replies. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	await deleteMessageWithFiles(locals.app.ctx, requireAccount(locals).viewer, params.id);
	return noContent();
});

export const fallback = methodNotAllowed('PATCH, DELETE');
