import { formatShortDate } from '#lib/dates.ts';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createToken, CreateTokenInput, listTokens, revokeToken } from '#lib/server/accounts/index.ts';
import { handleForm, isFormFailure } from '#lib/server/http/forms.ts';
import { requireAccount } from '../guard.ts';
import type { Actions, PageServerLoad } from './$types';

// The page's own form field, not an API input: accounts owns the token schemas.
const RevokeInput = z.object({ tokenId: z.string().min(1).max(64) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const { account } = requireAccount(locals, url);
	const tokens = (await listTokens(locals.app.ctx.db, account.id)).map((t) => ({
		id: t.id,
		name: t.name,
		prefix: t.prefix,
		created: { iso: t.createdAt.toISOString(), text: formatShortDate(t.createdAt, locals.lang) },
		lastUsed: t.lastUsedAt ? { iso: t.lastUsedAt.toISOString(), text: formatShortDate(t.lastUsedAt, locals.lang) } : null
	}));
	return { tokens, revoked: url.searchParams.has('revoked'), origin: url.origin };
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const { account } = requireAccount(locals, url);
		const result = await handleForm(request, CreateTokenInput, (input) => createToken(locals.app.ctx.db, account.id, input.name));
		if (isFormFailure(result) || !('secret' in result)) return result;
		// Shown once, in this response; only its hash is stored (accounts/tokens.ts).
		return { created: { name: result.name, secret: result.secret } };
	},
	revoke: async ({ request, locals, url }) => {
		const { account } = requireAccount(locals, url);
		const result = await handleForm(request, RevokeInput, (input) => revokeToken(locals.app.ctx.db, account.id, input.tokenId));
		if (isFormFailure(result)) return result;
		redirect(303, `/${locals.lang}/settings/tokens?revoked`);
	}
};
