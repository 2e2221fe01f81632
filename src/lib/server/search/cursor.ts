import { ValidationError } from '../../domain/errors.ts';
import type { SearchSort } from './schemas.ts';

// Relevance pages are counted by offset: the ranked order does not depend on the page asked for (note-pass.ts), but it
// has no keyset of its own. Recent pages carry the last item's key, (time in microseconds, "kind:id"), so items
// written meanwhile do not shift them. Both are opaque to clients.

/** Deepest result a relevance page reaches: beyond, refine the query. */
export const MAX_OFFSET = 1000;

export type SearchCursor = { kind: 'start' } | { kind: 'offset'; offset: number } | { kind: 'after'; at: string; key: string };

export const encodeSearchCursor = (c: Exclude<SearchCursor, { kind: 'start' }>): string =>
	Buffer.from(JSON.stringify(c.kind === 'offset' ? ['r', c.offset] : ['t', c.at, c.key])).toString('base64url');

/** The cursor's position, or ValidationError (`cursor_invalid`) for one this server did not issue for this sort. */
export function decodeSearchCursor(cursor: string | undefined, sort: SearchSort): SearchCursor {
	if (!cursor) return { kind: 'start' };
	try {
		const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (Array.isArray(v)) {
			if (sort === 'relevance' && v[0] === 'r' && Number.isInteger(v[1]) && v[1] > 0 && v[1] <= MAX_OFFSET)
				return { kind: 'offset', offset: v[1] };
			if (
				sort === 'recent' &&
				v[0] === 't' &&
				typeof v[1] === 'string' &&
				/^-?\d{1,19}$/.test(v[1]) &&
				typeof v[2] === 'string' &&
				v[2].length <= 200
			)
				return { kind: 'after', at: v[1], key: v[2] };
		}
	} catch {
		// Falls through to the validation error below.
	}
	throw new ValidationError('Unknown cursor', { cursor: ['cursor_invalid'] });
}
