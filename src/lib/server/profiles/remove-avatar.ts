import { UnauthorizedError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import { deleteAvatarFile } from './avatar-files.ts';
import { replaceAvatarKey } from './queries.ts';

/**
 * Removes the signed-in person's avatar and deletes its file (nothing is kept: Loi 25). Pages then show
 * initials. Removing when there is none does nothing. Throws UnauthorizedError for an anonymous viewer,
 * NotFoundError for an account without profile.
 */
export async function removeAvatar(ctx: Pick<Ctx, 'db' | 'config'>, viewer: Viewer): Promise<void> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in first');
	const old = await replaceAvatarKey(ctx.db, viewer.id, null);
	if (old) await deleteAvatarFile(ctx.config.dataDir, old);
}
