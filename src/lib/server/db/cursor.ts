import { z } from 'zod';
import { ValidationError } from '../../domain/errors.ts';

// Keyset pagination (DESIGN §8): a cursor carries the sort key of the last row seen, so pages stay stable while
// rows are added and no OFFSET scan grows with the page number. It is opaque to clients.

export const encodeCursor = (key: readonly string[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key a cursor carries, or ValidationError (`cursor_invalid`) for one this server did not issue. */
export function decodeCursor(cursor: string, length: number): string[] {
	try {
		const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'string')) return value;
	} catch {
		// Falls through to the validation error below.
	}
	throw new ValidationError('Unknown cursor', { cursor: ['cursor_invalid'] });
}

/**
 * One page out of rows fetched with `limit + 1` (the extra row only tells that another page follows), and the cursor
 * of that next page, made of the last row's sort key; null on the last page.
 */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => readonly string[]): { page: T[]; next: string | null } {
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return { page, next: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** The query parameters every paged list takes (`?cursor=&limit=`); lists extend it with their filters. */
export const PageQuery = z.object({
	cursor: z.string().max(500, 'cursor_invalid').optional().describe('Opaque cursor: the `next` value of the previous page'),
	limit: z.coerce
		.number({ error: 'limit_invalid' })
		.int('limit_invalid')
		.min(1, 'limit_invalid')
		.max(100, 'limit_invalid')
		.default(20)
		.describe('Items per page, 1 to 100')
});
