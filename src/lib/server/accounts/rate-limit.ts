import { sql } from 'drizzle-orm';
import { RateLimitedError, type FieldErrors } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { queryRows, type Db } from '../db/index.ts';

/**
 * Counts one attempt against `key` in a fixed window and says whether it is still allowed, and in how many seconds
 * the window ends. Kept in PostgreSQL (better-auth's own rate_limit table) so that several app instances share the
 * count. Inside a transaction, the attempt counts only if the transaction commits.
 */
export async function takeAttempt(
	db: Db,
	key: string,
	windowSeconds: number,
	max: number
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
	const now = Date.now();
	const windowStart = now - windowSeconds * 1000;
	const [row] = await queryRows<{ count: number; last_request: number | string }>(
		db,
		sql`
		INSERT INTO rate_limit (id, key, count, last_request) VALUES (${newId()}, ${key}, 1, ${now})
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN rate_limit.last_request < ${windowStart} THEN 1 ELSE rate_limit.count + 1 END,
			last_request = CASE WHEN rate_limit.last_request < ${windowStart} THEN ${now} ELSE rate_limit.last_request END
		RETURNING count, last_request`
	);
	// last_request holds the window's start: the window ends windowSeconds after it.
	const endsIn = Math.ceil((Number(row.last_request) + windowSeconds * 1000 - now) / 1000);
	return { allowed: Number(row.count) <= max, retryAfterSeconds: Math.max(1, endsIn) };
}

export async function consumeAttempt(db: Db, key: string, windowSeconds: number, max: number): Promise<boolean> {
	return (await takeAttempt(db, key, windowSeconds, max)).allowed;
}

/**
 * Counts one attempt against `key` and throws RateLimitedError, with the seconds until the window ends and these
 * field error codes, once more than `max` were made in `windowSeconds`. Call it inside the writing transaction, so
 * that a write refused for another reason does not count.
 */
export async function enforceLimit(db: Db, key: string, limit: { windowSeconds: number; max: number }, fields: FieldErrors): Promise<void> {
	const { allowed, retryAfterSeconds } = await takeAttempt(db, key, limit.windowSeconds, limit.max);
	if (!allowed) throw new RateLimitedError(`At most ${limit.max} in ${limit.windowSeconds} seconds`, fields, retryAfterSeconds);
}
