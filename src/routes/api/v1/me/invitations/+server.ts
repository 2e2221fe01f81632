import { api, methodNotAllowed, ok, presentAt, requireAccount } from '#lib/server/http/api.ts';
import { listMyNotebookInvitations, presentMyNotebookInvitation } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

/** What waits for the caller's answer: invitations to notebooks, newest first. */
export const GET: RequestHandler = api(async ({ locals }) => {
	const { viewer } = requireAccount(locals);
	const at = presentAt(locals);
	return ok({ notebooks: (await listMyNotebookInvitations(locals.app.ctx.db, viewer)).map((i) => presentMyNotebookInvitation(i, at)) });
});

export const fallback = methodNotAllowed('GET');
