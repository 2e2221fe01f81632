export { getNotebookFeed, FEED_SIZE } from './notebook-feed.ts';
export { atomFeed, rssFeed, escapeXml, type Feed, type FeedEntry } from './feed-xml.ts';
export { notebookFeedResponse } from './feed-response.ts';
