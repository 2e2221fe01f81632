import type { Db } from '../db/index.ts';
import { rethrowForPage } from '../http/problem.ts';
import { atomFeed, rssFeed } from './feed-xml.ts';
import { getNotebookFeed } from './notebook-feed.ts';

const TYPES = { atom: 'application/atom+xml; charset=utf-8', rss: 'application/rss+xml; charset=utf-8' } as const;

/**
 * The HTTP answer for a notebook's feed: the same document for everyone (it is built as for an anonymous reader),
 * so shared caches may keep it, but must ask again each time so a note made private leaves the feed at once.
 * A notebook without a feed is a plain 404 page.
 */
export async function notebookFeedResponse(
	db: Db,
	notebookId: string,
	at: { publicUrl: string; lang: 'fr' | 'en'; format: 'atom' | 'rss' }
): Promise<Response> {
	try {
		const feed = await getNotebookFeed(db, notebookId, at);
		const body = at.format === 'atom' ? atomFeed(feed) : rssFeed(feed);
		return new Response(body, {
			headers: {
				'content-type': TYPES[at.format],
				'cache-control': 'public, max-age=0, must-revalidate',
				'last-modified': feed.updated.toUTCString(),
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (e) {
		rethrowForPage(e);
	}
}
