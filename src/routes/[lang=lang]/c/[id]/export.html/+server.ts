import { exportNotebookHtml } from '#lib/server/exchange/index.ts';
import { exportResponse } from '#lib/server/http/export-response.ts';
import type { RequestHandler } from './$types';

/** The notebook as one printable HTML document (licences, APA citations): only the notes the viewer may see. */
export const GET: RequestHandler = ({ locals, params }) =>
	exportResponse(`notebook-${params.id}`, 'html', () =>
		exportNotebookHtml(locals.app.ctx.db, locals.viewer, params.id, locals.lang, locals.app.ctx.config.publicUrl)
	);
