import { requireAccount } from './guard.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url, setHeaders }) => {
	requireAccount(locals, url);
	// Personal pages (and a token's one-time secret) must never sit in a shared or back-button cache.
	setHeaders({ 'cache-control': 'private, no-store' });
};
