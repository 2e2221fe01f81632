import { exportNotebookMarkdown } from '#lib/server/exchange/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { RequestHandler } from './$types';

/** The notebook as a zip of Markdown files with front matter (an Obsidian vault): only the notes the viewer may see. */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const zip = await exportNotebookMarkdown(locals.app.ctx.db, locals.viewer, params.id);
		return new Response(zip as Uint8Array<ArrayBuffer>, {
			headers: {
				'content-type': 'application/zip',
				'content-disposition': `attachment; filename="notebook-${params.id}.zip"`,
				// Its content depends on who asks.
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		rethrowForPage(e);
	}
};
