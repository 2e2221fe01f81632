import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { authFor, makeAccount, PASSWORD } from '../../../../tests/support/factories.ts';
import { RateLimitedError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resendVerification } from './resend-verification.ts';
import { resetPassword } from './reset-password.ts';
import { signIn } from './sign-in.ts';
import { suggestFreeHandle } from './suggest-handle.ts';

const t = useTestContext();
let ip = 0;
const client = () => ({ ip: `198.51.100.${++ip}`, headers: new Headers() });
const lastMail = () => t.ctx.mailer.sent.at(-1)!;

/** Follows a mailed link through better-auth and returns where it redirects. */
async function follow(link: string): Promise<URL> {
	const res = await authFor(t.ctx).handler(new Request(link));
	expect(res.status).toBe(302);
	return new URL(res.headers.get('location')!, t.ctx.config.publicUrl);
}

describe('password reset', () => {
	it('mails a link that lands on the reset page in the asked language, and the token sets a new password', async () => {
		const a = await makeAccount(t.ctx, { locale: 'en' });
		const auth = authFor(t.ctx);
		await requestPasswordReset(t.ctx, auth, { email: a.email, lang: 'fr' }, client());
		expect(lastMail().to).toBe(a.email);
		expect(lastMail().subject).toMatch(/password/i); // the mail follows the account's language, English here
		const landing = await follow(lastMail().link!);
		expect(landing.pathname).toBe('/fr/reset-password');
		const token = landing.searchParams.get('token')!;

		await resetPassword(auth, { token, password: 'another long passphrase' });
		await expect(signIn(t.ctx, auth, { email: a.email, password: PASSWORD }, client())).rejects.toThrow(UnauthorizedError);
		await signIn(t.ctx, auth, { email: a.email, password: 'another long passphrase' }, client());
		// A used token cannot be replayed.
		const again = await resetPassword(auth, { token, password: 'yet another passphrase' }).catch((e) => e);
		expect(again).toBeInstanceOf(ValidationError);
		expect(again.fields).toEqual({ _: ['reset_token_invalid'] });
	});

	it('answers the same for an unknown address and mails nothing', async () => {
		const before = t.ctx.mailer.sent.length;
		await expect(
			requestPasswordReset(t.ctx, authFor(t.ctx), { email: 'nobody@example.org', lang: 'en' }, client())
		).resolves.toBeUndefined();
		expect(t.ctx.mailer.sent.length).toBe(before);
	});

	it('refuses a forged token', async () => {
		await expect(resetPassword(authFor(t.ctx), { token: 'forged-token', password: 'another long passphrase' })).rejects.toThrow(
			ValidationError
		);
	});

	it('limits requests per address, whether or not it has an account', async () => {
		const email = 'flood@example.org';
		for (let i = 0; i < 3; i++) await requestPasswordReset(t.ctx, authFor(t.ctx), { email, lang: 'fr' }, client());
		await expect(requestPasswordReset(t.ctx, authFor(t.ctx), { email, lang: 'fr' }, client())).rejects.toThrow(RateLimitedError);
	});

	it('an expired or unknown link lands on the reset page with an error', async () => {
		const landing = await follow(`${t.ctx.config.publicUrl}/api/auth/reset-password/unknown?callbackURL=%2Fen%2Freset-password`);
		expect(landing.pathname).toBe('/en/reset-password');
		expect(landing.searchParams.get('error')).toBe('INVALID_TOKEN');
	});
});

describe('resending the verification link', () => {
	it('mails a new link to an unverified account, which verifies it and lands on welcome', async () => {
		const a = await makeAccount(t.ctx, { verified: false });
		const before = t.ctx.mailer.sent.length;
		await resendVerification(t.ctx, authFor(t.ctx), { email: a.email, lang: 'en' }, client());
		expect(t.ctx.mailer.sent.length).toBe(before + 1);
		const landing = await follow(lastMail().link!);
		expect(landing.pathname).toBe('/en/welcome');
		expect(landing.searchParams.has('error')).toBe(false);
		await signIn(t.ctx, authFor(t.ctx), { email: a.email, password: PASSWORD }, client());
	});

	it('answers the same, and mails nothing, for a verified or unknown address', async () => {
		const a = await makeAccount(t.ctx);
		const before = t.ctx.mailer.sent.length;
		await resendVerification(t.ctx, authFor(t.ctx), { email: a.email, lang: 'fr' }, client());
		await resendVerification(t.ctx, authFor(t.ctx), { email: 'nobody@example.org', lang: 'fr' }, client());
		expect(t.ctx.mailer.sent.length).toBe(before);
	});

	it('a broken link lands on welcome with an error code', async () => {
		const landing = await follow(`${t.ctx.config.publicUrl}/api/auth/verify-email?token=broken&callbackURL=%2Ffr%2Fwelcome`);
		expect(landing.pathname).toBe('/fr/welcome');
		expect(landing.searchParams.get('error')).toBe('INVALID_TOKEN');
	});
});

describe('suggestFreeHandle', () => {
	it('derives a handle from a name or an address, and steps around taken and reserved ones', async () => {
		expect(await suggestFreeHandle(t.ctx.db, "Marie-Soleil L'Allier")).toBe('marie-soleil-l-allier');
		expect(await suggestFreeHandle(t.ctx.db, 'admin@example.org')).toBe('admin-2');
		const taken = await makeAccount(t.ctx, { handle: 'gaelle' });
		expect(await suggestFreeHandle(t.ctx.db, 'Gaëlle')).toBe(`${taken.handle}-2`);
	});
});
