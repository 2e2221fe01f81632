import { api, methodNotAllowed, noContent, readJson, requireAccount } from '#lib/server/http/api.ts';
import { addKnowledgeBaseNotebook, AddKnowledgeBaseNotebookInput } from '#lib/server/knowledge-bases/index.ts';
import type { RequestHandler } from './$types';

/** Adds a notebook the caller may see (managers of the knowledge base). */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const { notebookId } = await readJson(request, AddKnowledgeBaseNotebookInput);
	await addKnowledgeBaseNotebook(locals.app.ctx.db, viewer, params.id, notebookId);
	return noContent();
});

export const fallback = methodNotAllowed('POST');
