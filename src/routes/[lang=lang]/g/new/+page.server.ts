import { redirect } from '@sveltejs/kit';
import { createCommunity, CreateCommunityInput } from '#lib/server/communities/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import { listDirectoryFacets } from '#lib/server/glossary/index.ts';
import type { Actions, PageServerLoad } from './$types';

const signIn = (lang: string) => `/${lang}/sign-in?next=${encodeURIComponent(`/${lang}/g/new`)}`;

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.account) redirect(303, signIn(locals.lang));
	// A territorial community names its region as the directory's organisations do: their regions are the suggestions.
	const { regions } = await listDirectoryFacets(locals.app.ctx.db, locals.viewer);
	return { regions: regions.map((r) => r.value) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		// A session that expired while the form was open: sign in again rather than lose the page to an error.
		if (!locals.account) redirect(303, signIn(locals.lang));
		return handleForm(request, CreateCommunityInput, async (input) => {
			const { slug } = await createCommunity(locals.app.ctx.db, locals.viewer, input);
			redirect(303, `/${locals.lang}/g/${slug}?created`);
		});
	}
};
