import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	lang: locals.lang,
	account: locals.account && { handle: locals.account.handle, displayName: locals.account.displayName, isAdmin: locals.account.isAdmin }
});
