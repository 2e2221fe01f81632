import { api, methodNotAllowed, noContent, ok, presentAt, requireAccount } from '#lib/server/http/api.ts';
import { acceptNotebookInvitation, declineNotebookInvitation, presentNotebookMember } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

/** The caller accepts their invitation and becomes a member with its role. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const { viewer, account } = requireAccount(locals);
	const { role } = await acceptNotebookInvitation(locals.app.ctx.db, viewer, params.id);
	return ok(presentNotebookMember({ handle: account.handle, displayName: account.displayName, role }, presentAt(locals)));
});

/** The caller declines their invitation. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await declineNotebookInvitation(locals.app.ctx.db, viewer, params.id);
	return noContent();
});

export const fallback = methodNotAllowed('POST, DELETE');
