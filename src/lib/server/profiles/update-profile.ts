import { eq } from 'drizzle-orm';
import { ConflictError, NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { isHandleTaken } from './queries.ts';
import type { ProfilePatch } from './schemas.ts';

const handleTaken = () => new ConflictError('Handle already in use', { handle: ['handle_taken'] });

// Both drivers report a unique violation as SQLSTATE 23505; Drizzle wraps it in `cause`.
const isUniqueViolation = (e: unknown): boolean => {
	const err = e as { code?: string; cause?: { code?: string } };
	return err?.code === '23505' || err?.cause?.code === '23505';
};

/**
 * Updates the signed-in person's own profile with the fields given (parsed by ProfileInput or ProfilePatch).
 * Throws UnauthorizedError for an anonymous viewer, ConflictError (fields.handle = ['handle_taken']) when the
 * new handle belongs to someone else, whatever its case; NotFoundError for an account without profile.
 */
export async function updateProfile(db: Db, viewer: Viewer, input: ProfilePatch) {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in first');
	if (input.handle !== undefined && (await isHandleTaken(db, input.handle, viewer.id))) throw handleTaken();
	const { handle, displayName, pronouns, organisation, bio, locale } = input;
	try {
		const [row] = await db
			.update(schema.profile)
			.set({ handle, displayName, pronouns, organisation, bio, locale, updatedAt: new Date() })
			.where(eq(schema.profile.accountId, viewer.id))
			.returning();
		if (!row) throw new NotFoundError('No profile');
		return row;
	} catch (e) {
		// Lost a race for the handle between the check and the write: the unique index decides.
		if (isUniqueViolation(e)) throw handleTaken();
		throw e;
	}
}
