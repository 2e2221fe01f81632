import { exportKnowledgeBaseMarkdown } from '#lib/server/exchange/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { RequestHandler } from './$types';

/** The knowledge base as a zip of Markdown files, a folder per notebook (an Obsidian vault): only what the viewer may see. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const zip = await exportKnowledgeBaseMarkdown(locals.app.ctx.db, locals.viewer, params.id);
		return new Response(zip as Uint8Array<ArrayBuffer>, {
			headers: {
				'content-type': 'application/zip',
				'content-disposition': `attachment; filename="knowledge-base-${params.id}.zip"`,
				// Its content depends on who asks.
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		rethrowForPage(e);
	}
};
