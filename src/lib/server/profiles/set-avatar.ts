import { UnauthorizedError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import { normaliseAvatar } from './avatar-image.ts';
import { deleteAvatarFile, writeAvatarFile } from './avatar-files.ts';
import { replaceAvatarKey } from './queries.ts';

/**
 * Sets the signed-in person's avatar from an uploaded image (JPEG, PNG, WebP or GIF, at most 5 MB), stored as
 * a 256×256 WebP without metadata; the previous file is deleted. Returns the new key.
 * Throws UnauthorizedError for an anonymous viewer, NotFoundError for an account without profile, ValidationError (fields.avatar: avatar_too_large,
 * avatar_wrong_type, avatar_unreadable) for a refused file.
 */
export async function setAvatar(ctx: Pick<Ctx, 'db' | 'config'>, viewer: Viewer, upload: Blob): Promise<string> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in first');
	const webp = await normaliseAvatar(upload);
	const key = await writeAvatarFile(ctx.config.dataDir, webp);
	let old: string | null;
	try {
		old = await replaceAvatarKey(ctx.db, viewer.id, key);
	} catch (e) {
		await deleteAvatarFile(ctx.config.dataDir, key);
		throw e;
	}
	// Deleted only once the profile points elsewhere, so a page never links to a missing file.
	if (old) await deleteAvatarFile(ctx.config.dataDir, old);
	return key;
}
