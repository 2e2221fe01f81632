import { redirect } from '@sveltejs/kit';
import { SignInInput, signIn } from '#lib/server/accounts/index.ts';
import { handleForm, isFormFailure } from '#lib/server/http/forms.ts';
import { safeNext } from '#lib/server/http/redirects.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.account) redirect(303, safeNext(url.searchParams.get('next'), locals.lang));
	return { next: url.searchParams.get('next') ?? '', verified: url.searchParams.has('verified'), reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
		const result = await handleForm(request, SignInInput, (input) =>
			signIn(locals.app.ctx, locals.app.auth, input, { ip: getClientAddress(), headers: request.headers })
		);
		if (isFormFailure(result)) return result;
		redirect(303, safeNext(url.searchParams.get('next'), locals.lang));
	}
};
