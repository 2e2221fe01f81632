import { redirect } from '@sveltejs/kit';
import { getProfile, presentProfile } from '#lib/server/profiles/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const view = await getProfile(locals.app.ctx.db, locals.viewer, params.handle).catch(rethrowForPage);
	// Handles are case-insensitive; one URL per person keeps links and citations stable (DESIGN §7).
	if (params.handle !== view.profile.handle) redirect(301, `/${locals.lang}/u/${view.profile.handle}`);
	return { profile: presentProfile(view, locals.lang) };
};
