import { getCommunity, joinCommunity, leaveCommunity } from '#lib/server/communities/index.ts';
import { presentMembership } from '#lib/server/communities/present.ts';
import { NotFoundError } from '#lib/domain/errors.ts';
import { api, methodNotAllowed, noContent, ok, requireAccount } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

/** Joins a public community, asks to join a closed one, or accepts an invitation; answers the membership. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	const { ctx } = locals.app;
	await joinCommunity(ctx, viewer, params.slug);
	// Ask again as the same caller: the membership decides what they may now see, and its role.
	const { membership } = await getCommunity(ctx.db, viewer, params.slug);
	if (!membership) throw new NotFoundError('No such community');
	return ok(presentMembership(membership));
});

/** Leaves, withdraws a request or declines an invitation. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await leaveCommunity(locals.app.ctx.db, viewer, params.slug);
	return noContent();
});

export const fallback = methodNotAllowed('POST, DELETE');
