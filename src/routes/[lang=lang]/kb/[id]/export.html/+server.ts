import { exportKnowledgeBaseHtml } from '#lib/server/exchange/index.ts';
import { exportResponse } from '#lib/server/http/export-response.ts';
import type { RequestHandler } from './$types';

/** The knowledge base as one printable HTML document (licences, APA citations): only what the viewer may see. */
export const GET: RequestHandler = ({ locals, params }) =>
	exportResponse(`knowledge-base-${params.id}`, 'html', () =>
		exportKnowledgeBaseHtml(locals.app.ctx.db, locals.viewer, params.id, locals.lang, locals.app.ctx.config.publicUrl)
	);
