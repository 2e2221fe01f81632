// Settings are for the signed-in person only. Layout loads do not guard actions, nor page loads that run
// beside them, so every load and action here calls this itself.
import { redirect } from '@sveltejs/kit';

export function requireAccount(locals: App.Locals, url: URL) {
	const { account, viewer } = locals;
	if (!account || viewer.kind !== 'account') {
		redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return { account, viewer };
}
