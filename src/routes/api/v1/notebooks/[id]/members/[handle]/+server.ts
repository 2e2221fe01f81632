import { NotFoundError } from '#lib/domain/errors.ts';
import { api, methodNotAllowed, noContent, readJson, requireAccount } from '#lib/server/http/api.ts';
import { ChangeNotebookRoleInput, changeNotebookMemberRole, removeFromNotebook } from '#lib/server/notebooks/index.ts';
import { findProfileByHandle } from '#lib/server/profiles/index.ts';
import type { RequestHandler } from './$types';

const accountOf = async (db: App.Locals['app']['ctx']['db'], handle: string) => {
	const profile = await findProfileByHandle(db, handle);
	if (!profile) throw new NotFoundError('Not a member of this notebook');
	return profile.accountId;
};

/** Managers change a member's role (the last manager stays one: 409). */
export const PATCH: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const { role } = await readJson(request, ChangeNotebookRoleInput);
	const { db } = locals.app.ctx;
	await changeNotebookMemberRole(db, viewer, params.id, await accountOf(db, params.handle), role);
	return noContent();
});

/** Managers remove a member or withdraw an invitation (the last manager stays: 409). */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	const { db } = locals.app.ctx;
	await removeFromNotebook(db, viewer, params.id, await accountOf(db, params.handle));
	return noContent();
});

export const fallback = methodNotAllowed('PATCH, DELETE');
