import { redirect } from '@sveltejs/kit';
import { ResetPasswordInput, resetPassword } from '#lib/server/accounts/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import type { Actions, PageServerLoad } from './$types';

// better-auth's reset link lands here with ?token=…, or with ?error=INVALID_TOKEN when it is unknown or expired.
export const load: PageServerLoad = ({ url }) => {
	const token = url.searchParams.get('token');
	return { token: url.searchParams.has('error') || !token ? null : token };
};

export const actions: Actions = {
	default: async ({ request, locals }) =>
		handleForm(request, ResetPasswordInput, async (input) => {
			await resetPassword(locals.app.auth, input);
			redirect(303, `/${locals.lang}/sign-in?reset`);
		})
};
