import { inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';

const { user, membership } = schema;

/** The communities where the account of the row is an active member, as an array column of a query on `user`. */
export const activeCommunityIdsColumn = sql<string[]>`coalesce((select array_agg(${membership.communityId}) from ${membership}
	where ${membership.accountId} = ${user.id} and ${membership.status} = 'active'), '{}')`;

/**
 * Builds the Viewers of accounts, in one statement: each one's role and the communities where it is an active
 * member. An id without an account is absent from the map.
 */
export async function viewersOf(db: Db, accountIds: readonly string[]): Promise<Map<string, Viewer>> {
	const ids = [...new Set(accountIds)];
	if (!ids.length) return new Map();
	const rows = await db
		.select({
			id: user.id,
			role: user.role,
			communityIds: activeCommunityIdsColumn
		})
		.from(user)
		.where(inArray(user.id, ids));
	return new Map(
		rows.map((r): [string, Viewer] => [
			r.id,
			{ kind: 'account', id: r.id, isAdmin: r.role === 'admin', activeCommunityIds: new Set(r.communityIds) }
		])
	);
}

/** Builds the Viewer of a signed-in account; anonymous when the account is gone. */
export async function viewerOf(db: Db, accountId: string): Promise<Viewer> {
	return (await viewersOf(db, [accountId])).get(accountId) ?? { kind: 'anonymous' };
}
