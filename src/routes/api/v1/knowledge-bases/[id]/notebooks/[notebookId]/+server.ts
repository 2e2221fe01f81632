import { api, methodNotAllowed, noContent, requireAccount } from '#lib/server/http/api.ts';
import { removeKnowledgeBaseNotebook } from '#lib/server/knowledge-bases/index.ts';
import type { RequestHandler } from './$types';

/** Takes the notebook out of the knowledge base; the notebook itself stays. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await removeKnowledgeBaseNotebook(locals.app.ctx.db, viewer, params.id, params.notebookId);
	return noContent();
});

export const fallback = methodNotAllowed('DELETE');
