import { redirect } from '@sveltejs/kit';
import { messageAccess, threadPath } from '#lib/server/discussions/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { RequestHandler } from './$types';

/**
 * A message's link (search results): its thread, at the message, in a community where the reader may read it, the
 * thread's home first. A message whose thread the reader may not read is missing, like the thread.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await messageAccess(locals.app.ctx.db, locals.viewer, params.id).catch(rethrowForPage);
	const place = access.readablePlaces[0];
	redirect(303, `${threadPath(locals.lang, place.slug, access.thread.id)}#m-${access.message.id}`);
};
