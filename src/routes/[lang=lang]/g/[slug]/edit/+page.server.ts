import { redirect } from '@sveltejs/kit';
import { getCommunityForEdit, updateCommunity, UpdateCommunityInput } from '#lib/server/communities/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import { listDirectoryFacets } from '#lib/server/glossary/index.ts';
import type { Actions, PageServerLoad } from './$types';

const signIn = (lang: string, url: URL) => `/${lang}/sign-in?next=${encodeURIComponent(url.pathname)}`;

/** Hosts and admins: anonymous visitors sign in first; others get 403, or 404 when they may not see the community. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.account) redirect(303, signIn(locals.lang, url));
	const { db } = locals.app.ctx;
	const community = await getCommunityForEdit(db, locals.viewer, params.slug).catch(rethrowForPage);
	// Slugs are matched case-insensitively; the form posts to the community's one address.
	if (community.slug !== params.slug) redirect(308, `/${locals.lang}/g/${community.slug}/edit${url.search}`);
	// A territorial community names its region as the directory's organisations do: their regions are the suggestions.
	const { regions } = await listDirectoryFacets(db, locals.viewer);
	return {
		community: {
			slug: community.slug,
			name: community.name,
			description: community.description,
			kind: community.kind,
			region: community.region ?? ''
		},
		regions: regions.map((r) => r.value),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		// A session that expired while the form was open: sign in again rather than lose the page to an error.
		if (!locals.account) redirect(303, signIn(locals.lang, url));
		return handleForm(request, UpdateCommunityInput, async (input) => {
			const { slug } = await updateCommunity(locals.app.ctx.db, locals.viewer, params.slug, input);
			redirect(303, `/${locals.lang}/g/${slug}/edit?saved`);
		});
	}
};
