import { exportNotebookMarkdown } from '#lib/server/exchange/index.ts';
import { exportResponse } from '#lib/server/http/export-response.ts';
import type { RequestHandler } from './$types';

/** The notebook as a zip of Markdown files with front matter (an Obsidian vault): only the notes the viewer may see. */
export const GET: RequestHandler = ({ locals, params }) =>
	exportResponse(`notebook-${params.id}`, 'zip', () => exportNotebookMarkdown(locals.app.ctx.db, locals.viewer, params.id));
