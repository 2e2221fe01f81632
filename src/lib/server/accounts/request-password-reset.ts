import { RateLimitedError } from '../../domain/errors.ts';
import type { Ctx } from '../context.ts';
import type { Auth } from './auth.ts';
import { consumeAttempt } from './rate-limit.ts';

// better-auth's own limits apply only to its HTTP endpoints, not to auth.api calls from our form actions:
// without these, the form could be used to flood someone's inbox.
const WINDOW_SECONDS = 15 * 60;
const MAX_PER_EMAIL = 3;
const MAX_PER_CLIENT = 10;

/**
 * Mails a password reset link when an account has this address, and answers the same either way so the form
 * does not reveal who has an account. Anyone may call it. Throws RateLimitedError.
 */
export async function requestPasswordReset(ctx: Ctx, auth: Auth, input: { email: string; lang: 'fr' | 'en' }, client: { ip: string }) {
	const allowed =
		(await consumeAttempt(ctx.db, `reset:email:${input.email}`, WINDOW_SECONDS, MAX_PER_EMAIL)) &&
		(await consumeAttempt(ctx.db, `reset:ip:${client.ip}`, WINDOW_SECONDS, MAX_PER_CLIENT));
	if (!allowed) throw new RateLimitedError('Too many reset requests');
	await auth.api.requestPasswordReset({ body: { email: input.email, redirectTo: `/${input.lang}/reset-password` } });
}
