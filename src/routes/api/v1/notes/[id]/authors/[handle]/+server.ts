import { NotFoundError } from '#lib/domain/errors.ts';
import { api, methodNotAllowed, noContent, requireAccount } from '#lib/server/http/api.ts';
import { findProfileByHandle } from '#lib/server/profiles/index.ts';
import { removeAuthor } from '#lib/server/notes/index.ts';
import type { RequestHandler } from './$types';

/** Removes a co-author or withdraws an invitation (the last author stays: 409). */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	const { db } = locals.app.ctx;
	const profile = await findProfileByHandle(db, params.handle);
	if (!profile) throw new NotFoundError('Not an author of this note');
	await removeAuthor(db, viewer, params.id, profile.accountId);
	return noContent();
});

export const fallback = methodNotAllowed('DELETE');
