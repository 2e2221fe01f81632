import { notebookFeedResponse } from '#lib/server/open-data/index.ts';
import type { RequestHandler } from './$types';

/** The notebook's newly included public notes as RSS 2.0; 404 unless the notebook is public. */
export const GET: RequestHandler = ({ locals, params }) =>
	notebookFeedResponse(locals.app.ctx.db, params.id, { publicUrl: locals.app.ctx.config.publicUrl, lang: locals.lang, format: 'rss' });
