import { api, methodNotAllowed, ok, presentAt, readQuery } from '#lib/server/http/api.ts';
import { listTaggedMessages, ListThreadsQuery, presentTagged } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** Messages carrying the #hashtag, newest first, in the threads the caller may read. */
export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const query = readQuery(url, ListThreadsQuery);
	const { tag, items, next } = await listTaggedMessages(locals.app.ctx.db, locals.viewer, params.tag, {
		...query,
		lang: locals.lang,
		origin: locals.app.ctx.config.publicUrl
	});
	return ok({ tag, items: items.map((i) => presentTagged(i, presentAt(locals))), next });
});

export const fallback = methodNotAllowed('GET');
