// Content negotiation and conditional requests for cached pages (RFC 9110 §12.5.3, §13.1.2, §13.1.3, §13.2.2).
import type { Encoding } from './page-cache.ts';

/** br if the client takes it, else gzip, else identity; `q=0` refuses an encoding, `*` stands for the unnamed ones. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
	if (!acceptEncoding) return 'identity';
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const accepts = (name: string) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
	if (accepts('br')) return 'br';
	if (accepts('gzip')) return 'gzip';
	return 'identity';
}

/** If-None-Match uses the weak comparison: W/"x" matches "x"; `*` matches any current representation. */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Whether a GET or HEAD may be answered 304. If-None-Match, when present, decides alone; otherwise If-Modified-Since
 * is asked through `unchangedSince`, with the date in milliseconds (an unreadable date is ignored, as §13.1.3 says).
 */
export function isNotModified(
	headers: { 'if-none-match'?: string; 'if-modified-since'?: string },
	etag: string,
	unchangedSince: (since: number) => boolean
): boolean {
	const ifNoneMatch = headers['if-none-match'];
	if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etag);
	const ifModifiedSince = headers['if-modified-since'];
	if (ifModifiedSince === undefined) return false;
	const since = Date.parse(ifModifiedSince);
	return Number.isFinite(since) && unchangedSince(since);
}
