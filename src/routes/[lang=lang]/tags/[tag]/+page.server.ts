import { ValidationError } from '#lib/domain/errors.ts';
import { listTaggedMessages, ListThreadsQuery } from '#lib/server/discussions/index.ts';
import type { PageServerLoad } from './$types';

/** Messages carrying the #hashtag in the threads the viewer may read; the same answer whether a tag exists or not. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const query = ListThreadsQuery.safeParse(Object.fromEntries(url.searchParams));
	const page = await listTaggedMessages(locals.app.ctx.db, locals.viewer, params.tag, {
		...(query.success ? query.data : { limit: 20 }),
		lang: locals.lang,
		origin: locals.app.ctx.config.publicUrl
	}).catch((e: unknown) => {
		// A stale or forged cursor: start again from the newest.
		if (e instanceof ValidationError) return { tag: params.tag, items: [], next: null };
		throw e;
	});
	return page;
};
