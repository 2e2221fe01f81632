// One-click unsubscribe (RFC 8058): the link of every notification mail, usable without signing in. The signed
// token is the only credential; it can only turn mail off.
import { NotFoundError } from '../../domain/errors.ts';
import { verifyUnsubscribeToken, type UnsubscribeScope } from '../../domain/notifications.ts';
import { viewerOf } from '../accounts/index.ts';
import { findCommunitySummary } from '../communities/index.ts';
import type { Ctx } from '../context.ts';
import { setPersonalMailOff, upsertPreference } from './queries.ts';

type Described = { scope: UnsubscribeScope; communityName: string | null };

/** What a token would turn off, for the confirmation page; NotFoundError for a token this instance did not sign. */
export async function describeUnsubscribe(ctx: Ctx, token: string): Promise<Described> {
	const scope = verifyUnsubscribeToken(ctx.config.authSecret, token);
	if (!scope) throw new NotFoundError('Unknown unsubscribe link');
	const viewer = await viewerOf(ctx.db, scope.accountId);
	if (viewer.kind !== 'account') throw new NotFoundError('Unknown unsubscribe link');
	if (!scope.communityId) return { scope, communityName: null };
	const community = await findCommunitySummary(ctx.db, scope.communityId);
	if (!community) throw new NotFoundError('Unknown unsubscribe link');
	return { scope, communityName: community.name };
}

/**
 * Turns the mail of the token's scope off at once: one community's ("off"), or all of it (every community the
 * account is an active member of, and personal mail). Repeating it changes nothing.
 */
export async function unsubscribe(ctx: Ctx, token: string): Promise<Described> {
	const described = await describeUnsubscribe(ctx, token);
	const { accountId, communityId } = described.scope;
	await ctx.db.transaction(async (tx) => {
		if (communityId) return upsertPreference(tx, accountId, communityId, 'off');
		const viewer = await viewerOf(tx, accountId);
		if (viewer.kind === 'account') for (const id of viewer.activeCommunityIds) await upsertPreference(tx, accountId, id, 'off');
		await setPersonalMailOff(tx, accountId, true);
	});
	return described;
}
