import { redirect } from '@sveltejs/kit';
import { acceptInvitation, findInvitation } from '#lib/server/communities/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { Actions, PageServerLoad } from './$types';

// The token is the invitation: a bad, used or expired one is a 404 (see +error.svelte beside this file).
const tokenOf = (url: URL) => url.searchParams.get('token') ?? '';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const invitation = await findInvitation(locals.app.ctx.db, params.slug, tokenOf(url)).catch(rethrowForPage);
	return {
		community: { slug: invitation.slug, name: invitation.name },
		// Sign-in and sign-up bring the person back here, token included, to accept.
		here: url.pathname + url.search
	};
};

export const actions: Actions = {
	// Default action: the form posts to this very URL, so the token stays in the query string.
	default: async ({ locals, params, url }) => {
		if (!locals.account) redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
		const { slug } = await acceptInvitation(locals.app.ctx.db, locals.viewer, params.slug, tokenOf(url)).catch(rethrowForPage);
		redirect(303, `/${locals.lang}/g/${slug}?welcome`);
	}
};
