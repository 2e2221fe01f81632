import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';

/** What the header and forms need of the signed-in person, in one query. */
export async function findSignedInAccount(db: Db, accountId: string) {
	const [row] = await db
		.select({
			id: schema.user.id,
			email: schema.user.email,
			isAdmin: schema.user.role,
			handle: schema.profile.handle,
			displayName: schema.profile.displayName
		})
		.from(schema.user)
		.innerJoin(schema.profile, eq(schema.profile.accountId, schema.user.id))
		.where(eq(schema.user.id, accountId));
	return row ? { ...row, isAdmin: row.isAdmin === 'admin' } : undefined;
}
