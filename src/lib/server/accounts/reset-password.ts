import { APIError } from 'better-auth/api';
import { ValidationError } from '../../domain/errors.ts';
import type { Auth } from './auth.ts';

/**
 * Sets a new password with the token from a reset link; better-auth then signs the account out everywhere.
 * Anyone holding the token may call it. Throws ValidationError `reset_token_invalid` for an unknown, used or
 * expired token.
 */
export async function resetPassword(auth: Auth, input: { token: string; password: string }) {
	try {
		await auth.api.resetPassword({ body: { token: input.token, newPassword: input.password } });
	} catch (e) {
		if (e instanceof APIError && (e.body?.code === 'INVALID_TOKEN' || e.body?.code === 'USER_NOT_FOUND')) {
			throw new ValidationError('Invalid or expired reset token', { _: ['reset_token_invalid'] });
		}
		// The form's schema checks length first; these only fire if better-auth's limits ever drift from ours.
		if (e instanceof APIError && e.body?.code === 'PASSWORD_TOO_SHORT')
			throw new ValidationError('Password refused', { password: ['password_too_short'] });
		if (e instanceof APIError && e.body?.code === 'PASSWORD_TOO_LONG')
			throw new ValidationError('Password refused', { password: ['password_too_long'] });
		throw e;
	}
}
