import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => redirect(303, `/${locals.lang}`);

export const actions: Actions = {
	default: async ({ locals, request }) => {
		if (locals.via === 'session') await locals.app.auth.api.signOut({ headers: request.headers });
		redirect(303, `/${locals.lang}`);
	}
};
