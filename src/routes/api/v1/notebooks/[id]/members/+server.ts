import { api, created, methodNotAllowed, ok, presentAt, readJson, requireAccount } from '#lib/server/http/api.ts';
import {
	getNotebookMembers,
	InviteNotebookMemberInput,
	inviteNotebookMember,
	listNotebookInvitations,
	presentNotebookInvitation,
	presentNotebookMember
} from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

/** Managers and contributors of a notebook the caller may see; its managers also get the pending invitations. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const { members, invitations } = await getNotebookMembers(locals.app.ctx.db, locals.viewer, params.id);
	const at = presentAt(locals);
	return ok({
		items: members.map((m) => presentNotebookMember(m, at)),
		...(invitations ? { invitations: invitations.map(presentNotebookInvitation) } : {})
	});
});

/** Managers invite someone by handle; they become a member once they accept (POST …/invitation). */
export const POST: RequestHandler = api(async ({ locals, params, request, url }) => {
	const { viewer } = requireAccount(locals);
	const { handle, role } = await readJson(request, InviteNotebookMemberInput);
	const { db } = locals.app.ctx;
	const { accountId } = await inviteNotebookMember(db, viewer, params.id, handle, role);
	const invitation = (await listNotebookInvitations(db, params.id)).find((i) => i.accountId === accountId)!;
	return created(presentNotebookInvitation(invitation), new URL(`/api/v1/notebooks/${params.id}/members`, url).href);
});

export const fallback = methodNotAllowed('GET, POST');
