import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { eq } from 'drizzle-orm';
import { newId } from '../../domain/ids.ts';
import { schema } from '../db/index.ts';
import type { Ctx } from '../context.ts';
import { m } from '../i18n.ts';

/** Minimum length for new passwords, shared by forms and better-auth. */
export const MIN_PASSWORD_LENGTH = 10;

// Mail speaks the person's language and uses the name they chose on their profile, which may have changed
// since sign-up (better-auth's own user.name is only the name given then).
async function recipient(ctx: Ctx, user: { id: string; name: string }) {
	const [row] = await ctx.db
		.select({ locale: schema.profile.locale, name: schema.profile.displayName })
		.from(schema.profile)
		.where(eq(schema.profile.accountId, user.id));
	return { locale: row?.locale ?? 'fr', name: row?.name ?? user.name };
}

/**
 * better-auth bound to one database. The app passes `sveltekitCookies` so form actions can set the session
 * cookie; tests and scripts pass nothing.
 */
export function createAuth(ctx: Ctx, plugins: BetterAuthPlugin[] = []) {
	const secure = ctx.config.publicUrl.startsWith('https:');
	return betterAuth({
		appName: 'Commonplace',
		secret: ctx.config.authSecret,
		baseURL: ctx.config.publicUrl,
		basePath: '/api/auth',
		trustedOrigins: [ctx.config.publicUrl],
		database: drizzleAdapter(ctx.db, {
			provider: 'pg',
			schema: {
				user: schema.user,
				session: schema.session,
				account: schema.account,
				verification: schema.verification,
				rateLimit: schema.rateLimit
			}
		}),
		user: {
			additionalFields: { role: { type: 'string', input: false, defaultValue: 'member' } }
		},
		emailAndPassword: {
			enabled: true,
			requireEmailVerification: true,
			minPasswordLength: MIN_PASSWORD_LENGTH,
			maxPasswordLength: 200,
			revokeSessionsOnPasswordReset: true,
			async sendResetPassword({ user, url }) {
				const { locale, name } = await recipient(ctx, user);
				await ctx.mailer.send({
					to: user.email,
					subject: m.mail_reset_subject({}, { locale }),
					text: m.mail_reset_body({ name, url }, { locale }),
					link: url
				});
			}
		},
		emailVerification: {
			sendOnSignUp: false,
			autoSignInAfterVerification: true,
			expiresIn: 60 * 60 * 24,
			async sendVerificationEmail({ user, url }) {
				const { locale, name } = await recipient(ctx, user);
				await ctx.mailer.send({
					to: user.email,
					subject: m.mail_verify_subject({}, { locale }),
					text: m.mail_verify_body({ name, url }, { locale }),
					link: url
				});
			}
		},
		session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
		rateLimit: {
			enabled: true,
			storage: 'database',
			modelName: 'rateLimit',
			window: 60,
			max: 100,
			customRules: { '/sign-in/email': { window: 60, max: 5 }, '/request-password-reset': { window: 60, max: 3 } }
		},
		advanced: {
			database: { generateId: () => newId() },
			useSecureCookies: secure,
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure }
		},
		plugins
	});
}

export type Auth = ReturnType<typeof createAuth>;
