import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';

/** Called by accounts when an account is made; the handle has been validated and checked free. */
export async function createProfile(db: Db, input: { accountId: string; handle: string; displayName: string; locale: 'fr' | 'en' }) {
	await db.insert(schema.profile).values(input);
}
