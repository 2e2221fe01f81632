import { ResetRequestInput, requestPasswordReset } from '#lib/server/accounts/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ mailToConsole: !locals.app.ctx.config.smtpUrl });

export const actions: Actions = {
	// The answer is the same whether or not the address has an account: no account enumeration.
	default: async ({ request, locals, getClientAddress }) =>
		handleForm(request, ResetRequestInput, async ({ email }) => {
			await requestPasswordReset(locals.app.ctx, locals.app.auth, { email, lang: locals.lang }, { ip: getClientAddress() });
			return { sent: true as const, email };
		})
};
