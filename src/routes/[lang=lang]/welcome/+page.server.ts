import { ResendVerificationInput, resendVerification } from '#lib/server/accounts/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import type { Actions, PageServerLoad } from './$types';

// better-auth's verification link lands here (callbackURL), signed in, or with ?error=TOKEN_EXPIRED|INVALID_TOKEN|….
export const load: PageServerLoad = ({ url, locals }) => {
	const error = url.searchParams.get('error');
	return {
		linkError: error === null ? null : error === 'TOKEN_EXPIRED' ? ('expired' as const) : ('invalid' as const),
		mailToConsole: !locals.app.ctx.config.smtpUrl
	};
};

export const actions: Actions = {
	// A broken link offers a new one right here; same neutral answer as /verify-email.
	default: async ({ request, locals, getClientAddress }) =>
		handleForm(request, ResendVerificationInput, async ({ email }) => {
			await resendVerification(locals.app.ctx, locals.app.auth, { email, lang: locals.lang }, { ip: getClientAddress() });
			return { sent: true as const, email };
		})
};
