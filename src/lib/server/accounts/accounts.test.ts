import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { authFor, makeAccount, PASSWORD } from '../../../../tests/support/factories.ts';
import { ConflictError, ForbiddenError, RateLimitedError, UnauthorizedError } from '../../domain/errors.ts';
import { schema } from '../db/index.ts';
import { SignUpInput } from './schemas.ts';
import { signIn } from './sign-in.ts';
import { signUp } from './sign-up.ts';
import { createToken, findAccountByToken, listTokens, revokeToken } from './tokens.ts';

const t = useTestContext();
const client = (ip = '203.0.113.1') => ({ ip, headers: new Headers() });

describe('sign-up, verification and sign-in', () => {
	it('mails a verification link that activates the account', async () => {
		const auth = authFor(t.ctx);
		const input = SignUpInput.parse({ email: 'Ada@Example.org ', password: PASSWORD, handle: '@Ada', displayName: 'Ada' });
		await signUp(t.ctx, auth, input);
		const mail = t.ctx.mailer.sent.at(-1)!;
		expect(mail.to).toBe('ada@example.org');
		expect(mail.text).toContain(mail.link);

		await expect(signIn(t.ctx, auth, { email: 'ada@example.org', password: PASSWORD }, client())).rejects.toThrow(ForbiddenError);
		const res = await auth.handler(new Request(mail.link!));
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toContain('/fr/welcome');
		const session = await signIn(t.ctx, auth, { email: 'ada@example.org', password: PASSWORD }, client());
		expect(session.user.email).toBe('ada@example.org');
	});

	it('refuses a taken email and a taken handle with field errors', async () => {
		const a = await makeAccount(t.ctx);
		const err = await signUp(t.ctx, authFor(t.ctx), {
			email: a.email,
			password: PASSWORD,
			handle: a.handle,
			displayName: 'X',
			locale: 'en'
		}).catch((e) => e);
		expect(err).toBeInstanceOf(ConflictError);
		expect(err.fields).toEqual({ email: ['email_taken'], handle: ['handle_taken'] });
	});

	it('rejects a wrong password, then rate-limits guessing', async () => {
		const a = await makeAccount(t.ctx);
		const wrong = { email: a.email, password: 'not the password' };
		await expect(signIn(t.ctx, authFor(t.ctx), wrong, client('198.51.100.7'))).rejects.toThrow(UnauthorizedError);
		for (let i = 0; i < 9; i++) await signIn(t.ctx, authFor(t.ctx), wrong, client('198.51.100.7')).catch(() => {});
		await expect(signIn(t.ctx, authFor(t.ctx), { email: a.email, password: PASSWORD }, client('198.51.100.7'))).rejects.toThrow(
			RateLimitedError
		);
	});

	it('resets a forgotten password through the mailed link', async () => {
		const a = await makeAccount(t.ctx);
		const auth = authFor(t.ctx);
		await auth.api.requestPasswordReset({ body: { email: a.email, redirectTo: '/en/reset-password' } });
		const mail = t.ctx.mailer.sent.at(-1)!;
		const res = await auth.handler(new Request(mail.link!));
		const token = new URL(res.headers.get('location')!, 'http://x').searchParams.get('token')!;
		await auth.api.resetPassword({ body: { token, newPassword: 'a brand new passphrase' } });
		const s = await signIn(t.ctx, auth, { email: a.email, password: 'a brand new passphrase' }, client('192.0.2.9'));
		expect(s.user.id).toBe(a.id);
	});
});

describe('personal access tokens', () => {
	it('authenticates until revoked, and only its owner can revoke it', async () => {
		const a = await makeAccount(t.ctx);
		const b = await makeAccount(t.ctx);
		const token = await createToken(t.ctx.db, a.id, 'script');
		expect(await findAccountByToken(t.ctx.db, token.secret)).toBe(a.id);
		expect((await listTokens(t.ctx.db, a.id)).map((x) => x.name)).toEqual(['script']);
		await expect(revokeToken(t.ctx.db, b.id, token.id)).rejects.toThrow();
		await revokeToken(t.ctx.db, a.id, token.id);
		expect(await findAccountByToken(t.ctx.db, token.secret)).toBeUndefined();
		expect(await findAccountByToken(t.ctx.db, 'cp_forged')).toBeUndefined();
	});

	it('records when a token was last used, to the minute, without a write on every call', async () => {
		const a = await makeAccount(t.ctx);
		const token = await createToken(t.ctx.db, a.id, 'script');
		const lastUsed = async () => (await listTokens(t.ctx.db, a.id))[0].lastUsedAt;
		expect(await lastUsed()).toBeNull();
		await findAccountByToken(t.ctx.db, token.secret);
		const first = await lastUsed();
		expect(first).toBeInstanceOf(Date);
		await findAccountByToken(t.ctx.db, token.secret);
		expect(await lastUsed()).toEqual(first);
		// An hour later, the next call records it again.
		await t.ctx.db
			.update(schema.apiToken)
			.set({ lastUsedAt: new Date(Date.now() - 3_600_000) })
			.where(eq(schema.apiToken.id, token.id));
		await findAccountByToken(t.ctx.db, token.secret);
		expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 60_000);
	});
});
