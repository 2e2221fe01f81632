import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { ConflictError, RateLimitedError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { schema } from '../db/index.ts';
import type { Ctx } from '../context.ts';
import { createProfile, isHandleTaken } from '../profiles/index.ts';
import type { Auth } from './auth.ts';
import { consumeAttempt } from './rate-limit.ts';
import type { SignUpInput } from './schemas.ts';

/**
 * Makes an unverified account with its profile and mails the verification link. Anyone may call it.
 * Throws ConflictError (fields email/handle) when either is taken.
 */
export async function signUp(
	ctx: Ctx,
	auth: Auth,
	input: SignUpInput,
	options: { sendVerification?: boolean; clientIp?: string } = {}
): Promise<{ accountId: string }> {
	// Each sign-up sends a mail: bound how many one client may trigger, against mail bombing and bulk accounts.
	if (options.clientIp && !(await consumeAttempt(ctx.db, `sign-up:ip:${options.clientIp}`, 60 * 60, 20))) {
		throw new RateLimitedError('Too many sign-ups from this address');
	}
	const taken: FieldErrors = {};
	const [existing] = await ctx.db.select({ id: schema.user.id }).from(schema.user).where(eq(schema.user.email, input.email));
	if (existing) taken.email = ['email_taken'];
	if (await isHandleTaken(ctx.db, input.handle)) taken.handle = ['handle_taken'];
	if (Object.keys(taken).length) throw new ConflictError('Email or handle already in use', taken);

	let accountId: string;
	try {
		const result = await auth.api.signUpEmail({
			body: { email: input.email, password: input.password, name: input.displayName }
		});
		accountId = result.user.id;
	} catch (e) {
		if (e instanceof APIError && e.body?.code === 'USER_ALREADY_EXISTS') {
			throw new ConflictError('Email already in use', { email: ['email_taken'] });
		}
		if (e instanceof APIError && e.body?.code?.startsWith('PASSWORD_')) {
			throw new ValidationError('Password refused', { password: ['password_too_short'] });
		}
		throw e;
	}
	try {
		await createProfile(ctx.db, { accountId, handle: input.handle, displayName: input.displayName, locale: input.locale });
	} catch {
		// Lost a race for the handle: leave no half-made account behind.
		await ctx.db.delete(schema.user).where(eq(schema.user.id, accountId));
		throw new ConflictError('Handle already in use', { handle: ['handle_taken'] });
	}
	if (options.sendVerification === false) return { accountId };
	await auth.api.sendVerificationEmail({ body: { email: input.email, callbackURL: `/${input.locale}/welcome` } });
	return { accountId };
}
