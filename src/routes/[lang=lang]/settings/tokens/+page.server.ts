import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createToken, CreateTokenInput, listTokens, revokeToken } from '#lib/server/accounts/index.ts';
import { handleForm, isFormFailure } from '#lib/server/http/forms.ts';
import { requireAccount } from '../guard.ts';
import type { Actions, PageServerLoad } from './$types';

// The page's own form field, not an API input: accounts owns the token schemas.
const RevokeInput = z.object({ tokenId: z.string().min(1).max(64) });

// No per-person time zone yet; the instances this serves are in Québec.
const dateFormat = (lang: 'fr' | 'en') => new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: 'medium', timeZone: 'America/Toronto' });

export const load: PageServerLoad = async ({ locals, url }) => {
	const { account } = requireAccount(locals, url);
	const format = dateFormat(locals.lang);
	const tokens = (await listTokens(locals.app.ctx.db, account.id)).map((t) => ({
		id: t.id,
		name: t.name,
		prefix: t.prefix,
		created: { iso: t.createdAt.toISOString(), text: format.format(t.createdAt) },
		lastUsed: t.lastUsedAt ? { iso: t.lastUsedAt.toISOString(), text: format.format(t.lastUsedAt) } : null
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
