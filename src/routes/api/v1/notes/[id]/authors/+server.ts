import { api, methodNotAllowed, ok, readJson, requireAccount } from '#lib/server/http/api.ts';
import { getNote, InviteAuthorInput, inviteCoAuthor, listAuthorsAndInvitees } from '#lib/server/notes/index.ts';
import type { RequestHandler } from './$types';

const presentAuthors = async (db: App.Locals['app']['ctx']['db'], noteId: string) => ({
	items: (await listAuthorsAndInvitees(db, noteId)).map((a) => ({ handle: a.handle, name: a.displayName, status: a.status }))
});

/** Authors and pending invitations, in byline order; only those who may edit the note see the invitations. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const { db } = locals.app.ctx;
	const view = await getNote(db, locals.viewer, params.id);
	const all = await presentAuthors(db, params.id);
	return ok(view.canEdit ? all : { items: all.items.filter((a) => a.status === 'active') });
});

/** Invites a co-author by handle; they appear once they accept. */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const { handle } = await readJson(request, InviteAuthorInput);
	const { db } = locals.app.ctx;
	await inviteCoAuthor(db, viewer, params.id, handle);
	return ok(await presentAuthors(db, params.id));
});

export const fallback = methodNotAllowed('GET, POST');
