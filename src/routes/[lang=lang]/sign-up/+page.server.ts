import { redirect } from '@sveltejs/kit';
import { SignUpInput, signUp, suggestFreeHandle } from '#lib/server/accounts/index.ts';
import { handleForm, isFormFailure } from '#lib/server/http/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.account) redirect(303, `/${locals.lang}`);
	return { mailToConsole: !locals.app.ctx.config.smtpUrl };
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const { ctx, auth } = locals.app;
		const result = await handleForm(request, SignUpInput, async (input) => {
			await signUp(ctx, auth, input, { clientIp: getClientAddress() });
			return { sent: true as const, email: input.email };
		});
		if (isFormFailure(result)) {
			// An empty handle gets a proposal from the display name, to keep or change, rather than "too short".
			const { values, errors } = result.data;
			if (errors.handle && !values.handle?.trim() && values.displayName?.trim()) {
				values.handle = await suggestFreeHandle(ctx.db, values.displayName);
				errors.handle = ['handle_suggested'];
			}
		}
		return result;
	}
};
