import { NotFoundError } from '#lib/domain/errors.ts';
import { presentMe } from '#lib/server/accounts/present.ts';
import { api, methodNotAllowed, ok, presentAt, requireAccount } from '#lib/server/http/api.ts';
import { findProfileByAccount } from '#lib/server/profiles/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) => {
	const { account } = requireAccount(locals);
	const profile = await findProfileByAccount(locals.app.ctx.db, account.id);
	if (!profile) throw new NotFoundError('No profile for this account');
	return ok(presentMe({ ...account, locale: profile.locale }, presentAt(locals)));
});

export const fallback = methodNotAllowed('GET');
