import { viewerOf } from '#lib/server/accounts/index.ts';
import { appDatabase } from '#lib/server/db/index.ts';
import { api, methodNotAllowed, readQuery } from '#lib/server/http/api.ts';
import { eventStream, liveHub, resolveFollow } from '#lib/server/realtime/index.ts';
import { EventsQuery } from '#lib/server/realtime/schemas.ts';
import type { RequestHandler } from './$types';

// Server-Sent Events (ADR 11): the session cookie or a bearer token says who is looking; a community or thread the
// caller may not read is 404, as its page is.
export const GET: RequestHandler = api(async ({ locals, url, request }) => {
	const { ctx } = locals.app;
	const follow = await resolveFollow(ctx.db, locals.viewer, readQuery(url, EventsQuery));
	const hub = await liveHub(await appDatabase(ctx.config));
	const viewer = locals.viewer;
	return eventStream({
		hub,
		viewer,
		follow,
		refreshViewer: viewer.kind === 'account' ? () => viewerOf(ctx.db, viewer.id) : undefined,
		lastEventId: request.headers.get('last-event-id'),
		signal: request.signal
	});
});

export const fallback = methodNotAllowed('GET');
