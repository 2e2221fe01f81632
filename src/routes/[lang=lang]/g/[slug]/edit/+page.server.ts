import { redirect } from '@sveltejs/kit';
import { StaleVersionError } from '#lib/domain/errors.ts';
import { getCommunityForEdit, updateCommunity, UpdateCommunityInput, type CommunityRow } from '#lib/server/communities/index.ts';
import { conflictFailure, formValues, handleForm } from '#lib/server/http/forms.ts';
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
		community: editable(community),
		regions: regions.map((r) => r.value),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		// A session that expired while the form was open: sign in again rather than lose the page to an error.
		if (!locals.account) redirect(303, signIn(locals.lang, url));
		const { db } = locals.app.ctx;
		return handleForm(request, UpdateCommunityInput, async (input, form) => {
			try {
				const { slug } = await updateCommunity(db, locals.viewer, params.slug, input);
				redirect(303, `/${locals.lang}/g/${slug}/edit?saved`);
			} catch (e) {
				if (!(e instanceof StaleVersionError)) throw e;
				// Another host saved first: their version is shown beside the form, which keeps this person's text and now
				// starts from their version, so saving again is a choice made having seen it.
				return conflictFailure(e, formValues(form), editable(await getCommunityForEdit(db, locals.viewer, params.slug)));
			}
		});
	}
};

/** What the form edits, and the version it starts from. */
const editable = (community: CommunityRow) => ({
	slug: community.slug,
	name: community.name,
	description: community.description,
	kind: community.kind,
	region: community.region ?? '',
	version: community.version
});
