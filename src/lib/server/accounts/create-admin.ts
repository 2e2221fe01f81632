import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { schema } from '../db/index.ts';
import type { Ctx } from '../context.ts';
import type { Auth } from './auth.ts';
import type { CreateAdminInput } from './schemas.ts';
import { signUp } from './sign-up.ts';
import { suggestFreeHandle } from './suggest-handle.ts';

// No look-alike characters (0/o, 1/l/i): the operator may have to copy it by hand from a terminal.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 24 random characters in groups of 4 (about 119 bits): strong, and still readable aloud. */
export function generatePassword(): string {
	const chars = Array.from({ length: 24 }, () => ALPHABET[randomInt(ALPHABET.length)]);
	return chars.join('').replace(/(.{4})(?!$)/g, '$1-');
}

/**
 * Makes a verified account with the admin role, for the operator's command line (`npm run admin -- create`),
 * never for a web request: it skips email verification. Returns the password only when it generated one.
 * Throws ConflictError (fields email/handle) when either is taken; promote an existing account instead.
 */
export async function createAdmin(ctx: Ctx, auth: Auth, input: CreateAdminInput) {
	const handle = input.handle ?? (await suggestFreeHandle(ctx.db, input.email));
	const generated = input.password === undefined ? generatePassword() : undefined;
	const { accountId } = await signUp(
		ctx,
		auth,
		{ email: input.email, password: input.password ?? generated!, handle, displayName: input.displayName ?? handle, locale: input.locale },
		{ sendVerification: false }
	);
	await ctx.db.update(schema.user).set({ emailVerified: true, role: 'admin' }).where(eq(schema.user.id, accountId));
	return { accountId, email: input.email, handle, generatedPassword: generated };
}
