import { api, created, methodNotAllowed, ok, presentAt, readQuery, requireAccount } from '#lib/server/http/api.ts';
import { readWithFiles } from '#lib/server/http/upload.ts';
import {
	getThread,
	listThreads,
	ListThreadsQuery,
	presentThread,
	presentThreadSummary,
	startThread,
	StartThreadInput,
	withMessageFiles
} from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** Threads shown in the community, newest activity first; 404 to whoever may not read its discussions. */
export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const query = readQuery(url, ListThreadsQuery);
	const { items, next } = await listThreads(locals.app.ctx.db, locals.viewer, params.slug, query);
	return ok({ items: items.map((i) => presentThreadSummary(i, presentAt(locals))), next });
});

/** Active members start a thread (cross-posted with `alsoIn`); answers it with its first message. */
export const POST: RequestHandler = api(
	async (event) => {
		const { locals, params, url } = event;
		const { viewer } = requireAccount(locals);
		const { input, files, alt } = await readWithFiles(event, StartThreadInput, ['alsoIn']);
		const { db, config } = locals.app.ctx;
		const { threadId, slug } = await withMessageFiles(locals.app.ctx, files, alt, (prepared) =>
			startThread(db, viewer, params.slug, input, prepared)
		);
		const view = await getThread(db, viewer, threadId, { lang: locals.lang, origin: config.publicUrl, slug });
		return created(presentThread(view, presentAt(locals)), new URL(`/api/v1/threads/${threadId}`, url).href);
	},
	{ uploads: true }
);

export const fallback = methodNotAllowed('GET, POST');
