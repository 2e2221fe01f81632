import { sql } from 'drizzle-orm';
import { newId } from '../../domain/ids.ts';
import { queryRows, type Db } from '../db/index.ts';

/**
 * Counts one attempt against `key` in a fixed window and says whether it is still allowed. Kept in PostgreSQL
 * (better-auth's own rate_limit table) so that several app instances share the count.
 */
export async function consumeAttempt(db: Db, key: string, windowSeconds: number, max: number): Promise<boolean> {
	const now = Date.now();
	const windowStart = now - windowSeconds * 1000;
	const [row] = await queryRows<{ count: number }>(
		db,
		sql`
		INSERT INTO rate_limit (id, key, count, last_request) VALUES (${newId()}, ${key}, 1, ${now})
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN rate_limit.last_request < ${windowStart} THEN 1 ELSE rate_limit.count + 1 END,
			last_request = CASE WHEN rate_limit.last_request < ${windowStart} THEN ${now} ELSE rate_limit.last_request END
		RETURNING count`
	);
	return Number(row.count) <= max;
}
