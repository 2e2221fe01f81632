import { APIError } from 'better-auth/api';
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '../../domain/errors.ts';
import type { Ctx } from '../context.ts';
import type { Auth } from './auth.ts';
import { consumeAttempt } from './rate-limit.ts';
import type { SignInInput } from './schemas.ts';

// Per address and per client (config.signInLimits): slows guessing one account and spraying many from one place.
const WINDOW_SECONDS = 15 * 60;

/**
 * Signs in with email and password. The session cookie is set by better-auth's SvelteKit plugin when called
 * inside a request. Throws RateLimitedError, UnauthorizedError (wrong pair) or ForbiddenError (unverified).
 */
export async function signIn(ctx: Ctx, auth: Auth, input: SignInInput, client: { ip: string; headers: Headers }) {
	const allowed =
		(await consumeAttempt(ctx.db, `sign-in:email:${input.email}`, WINDOW_SECONDS, ctx.config.signInLimits.perEmail)) &&
		(await consumeAttempt(ctx.db, `sign-in:ip:${client.ip}`, WINDOW_SECONDS, ctx.config.signInLimits.perClient));
	if (!allowed) throw new RateLimitedError('Too many sign-in attempts');
	try {
		return await auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers: client.headers });
	} catch (e) {
		if (e instanceof APIError && e.body?.code === 'EMAIL_NOT_VERIFIED')
			throw new ForbiddenError('Email not verified', { _: ['email_not_verified'] });
		if (e instanceof APIError && e.status === 'UNAUTHORIZED') throw new UnauthorizedError('Invalid email or password');
		throw e;
	}
}
