import { RateLimitedError } from '../../domain/errors.ts';
import type { Ctx } from '../context.ts';
import type { Auth } from './auth.ts';
import { consumeAttempt } from './rate-limit.ts';

// Same reasons and limits as password reset: the form sends mail to any address typed into it.
const WINDOW_SECONDS = 15 * 60;
const MAX_PER_EMAIL = 3;
const MAX_PER_CLIENT = 10;

/**
 * Mails a new verification link when an unverified account has this address; answers the same for unknown and
 * already verified addresses, so the form does not reveal who has an account. Anyone may call it.
 * Throws RateLimitedError.
 */
export async function resendVerification(ctx: Ctx, auth: Auth, input: { email: string; lang: 'fr' | 'en' }, client: { ip: string }) {
	const allowed =
		(await consumeAttempt(ctx.db, `verify:email:${input.email}`, WINDOW_SECONDS, MAX_PER_EMAIL)) &&
		(await consumeAttempt(ctx.db, `verify:ip:${client.ip}`, WINDOW_SECONDS, MAX_PER_CLIENT));
	if (!allowed) throw new RateLimitedError('Too many verification requests');
	// No headers on purpose: with a session, better-auth would answer differently for a verified address.
	await auth.api.sendVerificationEmail({ body: { email: input.email, callbackURL: `/${input.lang}/welcome` } });
}
