import { countUnread, markConversationRead } from '#lib/server/conversations/index.ts';
import { api, methodNotAllowed, ok } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

/** Marks the conversation read for the caller; answers the unread messages left over all their conversations. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = locals;
	const { db } = locals.app.ctx;
	await markConversationRead(db, viewer, params.id);
	return ok({ unreadTotal: await countUnread(db, viewer) });
});

export const fallback = methodNotAllowed('POST');
