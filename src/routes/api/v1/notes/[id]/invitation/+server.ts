import { api, methodNotAllowed, noContent, readJson, requireAccount } from '#lib/server/http/api.ts';
import { AnswerInvitationInput, answerAuthorInvitation } from '#lib/server/notes/index.ts';
import type { RequestHandler } from './$types';

/** The caller accepts or declines their invitation to co-author this note. */
export const PUT: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const { accept } = await readJson(request, AnswerInvitationInput);
	await answerAuthorInvitation(locals.app.ctx.db, viewer, params.id, accept);
	return noContent();
});

export const fallback = methodNotAllowed('PUT');
