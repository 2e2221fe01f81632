import { z } from 'zod';
import { HANDLE_PATTERN, isReservedHandle, normaliseHandle } from '../../domain/handles.ts';
import { MIN_PASSWORD_LENGTH } from './auth.ts';

// Messages are catalogue keys: forms translate them, the API sends them as `code`s beside the English text.
export const Email = z.string().trim().toLowerCase().max(254, 'email_too_long').pipe(z.email('email_invalid')).describe('Email address');

export const Password = z
	.string()
	.min(MIN_PASSWORD_LENGTH, 'password_too_short')
	.max(200, 'password_too_long')
	.describe(`Password, at least ${MIN_PASSWORD_LENGTH} characters`);

export const Handle = z
	.string()
	.transform(normaliseHandle)
	.pipe(
		z
			.string()
			.min(3, 'handle_too_short')
			.max(30, 'handle_too_long')
			.regex(HANDLE_PATTERN, 'handle_invalid')
			.refine((h) => !isReservedHandle(h), 'handle_reserved')
	)
	.describe('Public handle: 3 to 30 lower-case letters, digits, - or _');

export const DisplayName = z.string().trim().min(1, 'display_name_required').max(80, 'display_name_too_long');

export const Locale = z.enum(['fr', 'en']).describe('Preferred interface language');

export const SignUpInput = z.object({
	email: Email,
	password: Password,
	handle: Handle,
	displayName: DisplayName,
	locale: Locale.default('fr')
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({ email: Email, password: z.string().min(1, 'password_required').max(200) });
export type SignInInput = z.infer<typeof SignInInput>;

export const ResetRequestInput = z.object({ email: Email });
export const ResendVerificationInput = z.object({ email: Email });
export const ResetPasswordInput = z.object({ token: z.string().min(1), password: Password });

export const CreateTokenInput = z.object({
	name: z.string().trim().min(1, 'token_name_required').max(80, 'token_name_too_long').describe('What the token is for')
});

/** GET /api/v1/me: the account behind the session or token. Only its owner ever receives it. */
export const MeJson = z
	.object({
		id: z.string().describe('Account id'),
		handle: z.string().describe('Public handle'),
		displayName: z.string().describe('Name shown to others'),
		email: z.email().describe('Sign-in address; never shown to others'),
		locale: Locale,
		isAdmin: z.boolean().describe('Whether the account administers this instance'),
		url: z.url().describe('Public profile page')
	})
	.meta({ id: 'Me', description: 'The account of the session or token' });
export type MeJson = z.infer<typeof MeJson>;

/** The operator's `npm run admin -- create`: only the email is required, the rest is generated. */
export const CreateAdminInput = z.object({
	email: Email,
	password: Password.optional().describe('Generated when absent, and shown once'),
	handle: Handle.optional().describe('Derived from the email when absent'),
	displayName: DisplayName.optional(),
	locale: Locale.default('fr')
});
export type CreateAdminInput = z.infer<typeof CreateAdminInput>;
