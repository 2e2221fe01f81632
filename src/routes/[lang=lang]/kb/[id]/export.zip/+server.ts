import { exportKnowledgeBaseMarkdown } from '#lib/server/exchange/index.ts';
import { exportResponse } from '#lib/server/http/export-response.ts';
import type { RequestHandler } from './$types';

/** The knowledge base as a zip of Markdown files, a folder per notebook (an Obsidian vault): only what the viewer may see. */
export const GET: RequestHandler = ({ locals, params }) =>
	exportResponse(`knowledge-base-${params.id}`, 'zip', () => exportKnowledgeBaseMarkdown(locals.app.ctx.db, locals.viewer, params.id));
