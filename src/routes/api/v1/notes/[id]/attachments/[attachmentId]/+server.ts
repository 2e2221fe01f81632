import { deleteAttachment, UpdateAttachmentInput, updateAltText } from '#lib/server/attachments/index.ts';
import { api, methodNotAllowed, noContent, ok, readJson, requireAccount } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const input = await readJson(request, UpdateAttachmentInput);
	return ok(await updateAltText(locals.app.ctx, viewer, params.id, params.attachmentId, input));
});

export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await deleteAttachment(locals.app.ctx, viewer, params.id, params.attachmentId);
	return noContent();
});

export const fallback = methodNotAllowed('PATCH, DELETE');
