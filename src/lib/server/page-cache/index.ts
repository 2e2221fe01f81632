// The anonymous page cache in front of SvelteKit (docs/adr/0005-anonymous-page-cache.md).
import type { RequestListener } from 'node:http';
import type { Database } from '../db/index.ts';
import { pageCacheFront } from './front.ts';
import { PageCache } from './page-cache.ts';
import { cacheKey } from './routes.ts';

export { PageCache, type CachedPage, type Ticket } from './page-cache.ts';
export { pageCacheFront, isViewerSpecific, isStorable, CACHE_STATUS_HEADER } from './front.ts';
export { chooseEncoding, etagMatches, isNotModified } from './conditional.ts';
export { cacheKey } from './routes.ts';

/** Sent by the triggers of migration 0004 after every write to a table that pages show. */
export const PAGES_CHANNEL = 'commonplace_pages';

/**
 * Puts a page cache of `maxBytes` in front of `handler`, emptied on every change notification from the database
 * (this process's writes, other app instances', the CLI's). With `maxBytes` 0 the handler is returned as it is.
 */
export async function cachePages(
	database: Pick<Database, 'listen'>,
	handler: RequestListener,
	maxBytes: number
): Promise<{ listener: RequestListener; cache: PageCache | null; stop: () => Promise<void> }> {
	if (maxBytes <= 0) return { listener: handler, cache: null, stop: async () => {} };
	const cache = new PageCache({ maxBytes });
	const stop = await database.listen(PAGES_CHANNEL, () => cache.clear());
	return { listener: pageCacheFront({ cache, handler, keyOf: cacheKey }), cache, stop };
}
