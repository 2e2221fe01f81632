import { and, eq } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';

/** Builds the Viewer of a signed-in account: its role and the communities where it is an active member. */
export async function viewerOf(db: Db, accountId: string): Promise<Viewer> {
	const [account] = await db.select({ role: schema.user.role }).from(schema.user).where(eq(schema.user.id, accountId));
	if (!account) return { kind: 'anonymous' };
	const rows = await db
		.select({ id: schema.membership.communityId })
		.from(schema.membership)
		.where(and(eq(schema.membership.accountId, accountId), eq(schema.membership.status, 'active')));
	return { kind: 'account', id: accountId, isAdmin: account.role === 'admin', activeCommunityIds: new Set(rows.map((r) => r.id)) };
}
