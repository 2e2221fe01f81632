import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { newId, newSecret } from '../../domain/ids.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Db } from '../db/index.ts';
import { queryRows, schema } from '../db/index.ts';

const { apiToken } = schema;
const PREFIX = 'cp_';

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Makes a personal access token for the account; the secret is returned once and never stored. */
export async function createToken(db: Db, accountId: string, name: string) {
	const secret = PREFIX + newSecret();
	const id = newId();
	await db.insert(apiToken).values({ id, accountId, name, prefix: secret.slice(0, 10), tokenHash: hash(secret) });
	return { id, name, secret };
}

export const listTokens = (db: Db, accountId: string) =>
	db
		.select({
			id: apiToken.id,
			name: apiToken.name,
			prefix: apiToken.prefix,
			createdAt: apiToken.createdAt,
			lastUsedAt: apiToken.lastUsedAt
		})
		.from(apiToken)
		.where(and(eq(apiToken.accountId, accountId), isNull(apiToken.revokedAt)))
		.orderBy(desc(apiToken.createdAt));

/** Revokes one of the account's own tokens; another account's token is NotFound. */
export async function revokeToken(db: Db, accountId: string, tokenId: string) {
	const revoked = await db
		.update(apiToken)
		.set({ revokedAt: new Date() })
		.where(and(eq(apiToken.id, tokenId), eq(apiToken.accountId, accountId), isNull(apiToken.revokedAt)))
		.returning({ id: apiToken.id });
	if (revoked.length === 0) throw new NotFoundError('No such token');
}

/** The account a bearer secret belongs to, or undefined for an unknown or revoked one. */
export async function findAccountByToken(db: Db, secret: string): Promise<string | undefined> {
	if (!secret.startsWith(PREFIX)) return undefined;
	// "Last used" is kept to the minute: a script's every call need not write a row (and its WAL) before it is served.
	const [row] = await queryRows<{ account_id: string }>(
		db,
		sql`with found as (
				select ${apiToken.id}, ${apiToken.accountId}, ${apiToken.lastUsedAt} from ${apiToken}
				where ${apiToken.tokenHash} = ${hash(secret)} and ${apiToken.revokedAt} is null),
			touched as (
				update ${apiToken} set last_used_at = now() from found
				where ${apiToken.id} = found.id and (found.last_used_at is null or found.last_used_at < now() - interval '1 minute'))
			select account_id from found`
	);
	return row?.account_id;
}
