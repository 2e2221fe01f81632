// One-click unsubscribe (RFC 8058), without signing in: GET shows what the link turns off and a button; POST (the
// button, or a mail client's `List-Unsubscribe=One-Click`, which carries no cookie and no Origin) does it at once.
// http/csrf.ts lets cross-site POSTs through to this path only: the signed token is the credential.
import { error } from '@sveltejs/kit';
import { isDomainError } from '#lib/domain/errors.ts';
import { m } from '#lib/paraglide/messages.js';
import { describeUnsubscribe, unsubscribe } from '#lib/server/notifications/index.ts';
import type { Actions, PageServerLoad } from './$types';

async function orNotFound<T>(work: Promise<T>, lang: 'fr' | 'en'): Promise<T> {
	try {
		return await work;
	} catch (e) {
		if (isDomainError(e) && e.status === 404) error(404, m.notif_unsubscribe_invalid({}, { locale: lang }));
		throw e;
	}
}

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const described = await orNotFound(describeUnsubscribe(locals.app.ctx, params.token), locals.lang);
	return { communityName: described.communityName };
};

export const actions: Actions = {
	default: async ({ params, locals }) => {
		const described = await orNotFound(unsubscribe(locals.app.ctx, params.token), locals.lang);
		return { done: true, communityName: described.communityName };
	}
};
