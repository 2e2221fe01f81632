import { NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { avatarUrl } from './present-profile.ts';
import { findProfileByAccount } from './queries.ts';

/**
 * The signed-in person's own profile, with the private fields the settings form edits (preferred language).
 * Throws UnauthorizedError for an anonymous viewer, NotFoundError if the account has no profile (deleted).
 */
export async function getOwnProfile(db: Db, viewer: Viewer) {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in first');
	const p = await findProfileByAccount(db, viewer.id);
	if (!p) throw new NotFoundError('No profile');
	return {
		handle: p.handle,
		displayName: p.displayName,
		pronouns: p.pronouns,
		organisation: p.organisation,
		bio: p.bio,
		locale: p.locale,
		avatarUrl: avatarUrl(p.avatarKey)
	};
}

export type OwnProfile = Awaited<ReturnType<typeof getOwnProfile>>;
