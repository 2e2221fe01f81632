import { getNotificationSettings, PreferencesForm, saveNotificationSettings } from '#lib/server/notifications/index.ts';
import { handleForm, isFormFailure } from '#lib/server/http/forms.ts';
import { requireAccount } from '../guard.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { viewer } = requireAccount(locals, url);
	return { settings: await getNotificationSettings(locals.app.ctx.db, viewer) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const { viewer } = requireAccount(locals, url);
		const result = await handleForm(request, PreferencesForm, (input) => saveNotificationSettings(locals.app.ctx.db, viewer, input));
		if (isFormFailure(result)) return result;
		return { saved: true };
	}
};
