import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { authFor, makeAccount } from '../../../../tests/support/factories.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { schema } from '../db/index.ts';
import { findProfileByAccount } from '../profiles/index.ts';
import { createAdmin, generatePassword } from './create-admin.ts';
import { promoteAdmin } from './promote-admin.ts';
import { CreateAdminInput } from './schemas.ts';
import { signIn } from './sign-in.ts';
import { viewerOf } from './viewer.ts';

const t = useTestContext();
const client = { ip: '203.0.113.50', headers: new Headers() };
const userRow = async (id: string) => (await t.ctx.db.select().from(schema.user).where(eq(schema.user.id, id)))[0];

describe('createAdmin', () => {
	it('makes a verified admin with a generated password that signs in, and sends no mail', async () => {
		const auth = authFor(t.ctx);
		const before = t.ctx.mailer.sent.length;
		const made = await createAdmin(t.ctx, auth, CreateAdminInput.parse({ email: ' Admin@Coop.example ' }));
		expect(made.email).toBe('admin@coop.example');
		// "admin" is reserved, so the handle taken from the address gets a suffix.
		expect(made.handle).toBe('admin-2');
		expect(made.generatedPassword).toMatch(/^([a-z2-9]{4}-){5}[a-z2-9]{4}$/);
		expect(t.ctx.mailer.sent.length).toBe(before);

		const row = await userRow(made.accountId);
		expect(row.emailVerified).toBe(true);
		expect(row.role).toBe('admin');
		expect(await viewerOf(t.ctx.db, made.accountId)).toMatchObject({ kind: 'account', isAdmin: true });
		const session = await signIn(t.ctx, auth, { email: made.email, password: made.generatedPassword! }, client);
		expect(session.user.id).toBe(made.accountId);
	});

	it('uses the given password, handle, name and language, and returns no password', async () => {
		const input = CreateAdminInput.parse({
			email: 'host@coop.example',
			password: 'une phrase de passe',
			handle: '@Host-Coop',
			displayName: 'Hôte',
			locale: 'en'
		});
		const made = await createAdmin(t.ctx, authFor(t.ctx), input);
		expect(made.generatedPassword).toBeUndefined();
		const profile = await findProfileByAccount(t.ctx.db, made.accountId);
		expect(profile).toMatchObject({ handle: 'host-coop', displayName: 'Hôte', locale: 'en' });
		await signIn(t.ctx, authFor(t.ctx), { email: 'host@coop.example', password: 'une phrase de passe' }, client);
	});

	it('refuses an address or a handle already in use', async () => {
		const a = await makeAccount(t.ctx);
		const err = await createAdmin(t.ctx, authFor(t.ctx), CreateAdminInput.parse({ email: a.email, handle: a.handle })).catch((e) => e);
		expect(err).toBeInstanceOf(ConflictError);
		expect(err.fields).toEqual({ email: ['email_taken'], handle: ['handle_taken'] });
	});

	it('rejects a bad address, a short password and a reserved handle before touching the database', () => {
		const result = CreateAdminInput.safeParse({ email: 'not-an-email', password: 'short', handle: 'admin' });
		expect(result.success).toBe(false);
		const codes = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
		expect(codes).toEqual({ email: 'email_invalid', password: 'password_too_short', handle: 'handle_reserved' });
	});

	it('generates a different strong password each time', () => {
		const seen = new Set(Array.from({ length: 50 }, generatePassword));
		expect(seen.size).toBe(50);
		for (const p of seen) expect(p.replace(/-/g, '')).toHaveLength(24);
	});
});

describe('promoteAdmin', () => {
	it('gives an existing account the admin role, once', async () => {
		const a = await makeAccount(t.ctx);
		const first = await promoteAdmin(t.ctx, a.email);
		expect(first).toEqual({ accountId: a.id, wasAdmin: false, emailVerified: true });
		expect((await userRow(a.id)).role).toBe('admin');
		expect((await promoteAdmin(t.ctx, a.email)).wasAdmin).toBe(true);
	});

	it('leaves an unverified account unverified and says so', async () => {
		const a = await makeAccount(t.ctx, { verified: false });
		expect((await promoteAdmin(t.ctx, a.email)).emailVerified).toBe(false);
		expect((await userRow(a.id)).emailVerified).toBe(false);
	});

	it('answers NotFoundError for an unknown address', async () => {
		await expect(promoteAdmin(t.ctx, 'nobody@coop.example')).rejects.toThrow(NotFoundError);
	});
});
