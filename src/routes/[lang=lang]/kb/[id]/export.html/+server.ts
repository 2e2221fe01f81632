import { exportKnowledgeBaseHtml } from '#lib/server/exchange/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { RequestHandler } from './$types';

/** The knowledge base as one printable HTML document (licences, APA citations): only what the viewer may see. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const html = await exportKnowledgeBaseHtml(locals.app.ctx.db, locals.viewer, params.id, locals.lang, locals.app.ctx.config.publicUrl);
		return new Response(html, {
			headers: {
				'content-type': 'text/html; charset=utf-8',
				'content-disposition': `inline; filename="knowledge-base-${params.id}.html"`,
				'cache-control': 'private, no-store',
				// The document carries no script; forbid any, in case a sanitiser ever lets one through.
				'content-security-policy': "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; media-src *; frame-src https:"
			}
		});
	} catch (e) {
		rethrowForPage(e);
	}
};
