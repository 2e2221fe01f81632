import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';

const { profile } = schema;

export const findProfileByHandle = async (db: Db, handle: string) =>
	(await db.select().from(profile).where(sql`lower(${profile.handle}) = ${handle.toLowerCase()}`))[0];

export const findProfileByAccount = async (db: Db, accountId: string) =>
	(await db.select().from(profile).where(eq(profile.accountId, accountId)))[0];

export const isHandleTaken = async (db: Db, handle: string, exceptAccountId?: string) => {
	const found = await findProfileByHandle(db, handle);
	return found !== undefined && found.accountId !== exceptAccountId;
};

export type ProfileRow = typeof profile.$inferSelect;
