import { redirect } from '@sveltejs/kit';
import { getOwnProfile, ProfileInput, removeAvatar, setAvatar, updateProfile } from '#lib/server/profiles/index.ts';
import { formFailure, handleForm, isFormFailure } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import { requireAccount } from '../guard.ts';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['saved', 'avatar_removed'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { viewer } = requireAccount(locals, url);
	const profile = await getOwnProfile(locals.app.ctx.db, viewer).catch(rethrowForPage);
	const done = DONE.find((d) => d === url.searchParams.get('done')) ?? null;
	return { profile, done };
};

// Redirect after success (post/redirect/get): the header, computed before the action, then shows the new name.
const done = (lang: string, what: (typeof DONE)[number]) => redirect(303, `/${lang}/settings/profile?done=${what}`);

export const actions: Actions = {
	save: async ({ request, locals, url }) => {
		const { viewer } = requireAccount(locals, url);
		const result = await handleForm(request, ProfileInput, async (input, form) => {
			// The picture goes first: a refused file then leaves everything as it was.
			const avatar = form.get('avatar');
			if (avatar instanceof File && avatar.size > 0) await setAvatar(locals.app.ctx, viewer, avatar);
			await updateProfile(locals.app.ctx.db, viewer, input);
		});
		if (isFormFailure(result)) return result;
		done(locals.lang, 'saved');
	},
	removeAvatar: async ({ locals, url }) => {
		const { viewer } = requireAccount(locals, url);
		try {
			await removeAvatar(locals.app.ctx, viewer);
		} catch (e) {
			return formFailure(e, {});
		}
		done(locals.lang, 'avatar_removed');
	}
};
