import { eq, sql } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';

const { profile } = schema;

export const findProfileByHandle = async (db: Db, handle: string) =>
	(
		await db
			.select()
			.from(profile)
			.where(sql`lower(${profile.handle}) = ${handle.toLowerCase()}`)
	)[0];

/**
 * The person an invitation names by handle (typed with or without its @), co-author or notebook member alike;
 * ValidationError (`author_not_found` on `handle`) when no one has it.
 */
export async function findInvitee(db: Db, handle: string): Promise<ProfileRow> {
	const person = await findProfileByHandle(db, handle.trim().replace(/^@/, ''));
	if (!person) throw new ValidationError('No one has this handle', { handle: ['author_not_found'] });
	return person;
}

export const findProfileByAccount = async (db: Db, accountId: string) =>
	(await db.select().from(profile).where(eq(profile.accountId, accountId)))[0];

export const isHandleTaken = async (db: Db, handle: string, exceptAccountId?: string) => {
	const found = await findProfileByHandle(db, handle);
	return found !== undefined && found.accountId !== exceptAccountId;
};

export type ProfileRow = typeof profile.$inferSelect;

/**
 * Points the profile at a new avatar (or none) and returns the key it replaced (null when none), so its file
 * can go; throws NotFoundError when the account has no profile, so the caller does not keep an orphan file.
 */
export async function replaceAvatarKey(db: Db, accountId: string, key: string | null): Promise<string | null> {
	return db.transaction(async (tx) => {
		// Lock the row: two uploads at once must each learn the key they replaced, or a file is orphaned.
		const [old] = await tx.select({ key: profile.avatarKey }).from(profile).where(eq(profile.accountId, accountId)).for('update');
		if (!old) throw new NotFoundError('No profile');
		await tx
			.update(profile)
			.set({ avatarKey: key, avatarMime: key ? 'image/webp' : null, updatedAt: new Date() })
			.where(eq(profile.accountId, accountId));
		return old.key;
	});
}
