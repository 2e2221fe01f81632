import { z } from 'zod';
import { searchDirectory } from '#lib/server/search/index.ts';
import type { PageServerLoad } from './$types';

const Query = z.object({ q: z.string().max(200).catch('').default('') });

export const load: PageServerLoad = async ({ locals, url }) => {
	const { q } = Query.parse(Object.fromEntries(url.searchParams));
	return { q, results: await searchDirectory(locals.app.ctx.db, locals.viewer, q) };
};
