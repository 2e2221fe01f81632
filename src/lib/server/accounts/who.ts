import { eq } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { activeCommunityIdsColumn } from './viewer.ts';

/**
 * The signed-in person, in one query (every signed-in request asks): what the header and forms need of them, and
 * their Viewer (role and the communities where they are an active member). Undefined for an account without a profile
 * or gone.
 */
export async function findSignedInAccount(db: Db, accountId: string) {
	const [row] = await db
		.select({
			id: schema.user.id,
			email: schema.user.email,
			role: schema.user.role,
			handle: schema.profile.handle,
			displayName: schema.profile.displayName,
			communityIds: activeCommunityIdsColumn
		})
		.from(schema.user)
		.innerJoin(schema.profile, eq(schema.profile.accountId, schema.user.id))
		.where(eq(schema.user.id, accountId));
	if (!row) return undefined;
	const isAdmin = row.role === 'admin';
	const viewer: Viewer = { kind: 'account', id: row.id, isAdmin, activeCommunityIds: new Set(row.communityIds) };
	return { account: { id: row.id, email: row.email, isAdmin, handle: row.handle, displayName: row.displayName }, viewer };
}
