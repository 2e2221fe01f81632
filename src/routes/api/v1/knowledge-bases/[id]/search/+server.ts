import { api, methodNotAllowed, ok, presentAt, readQuery } from '#lib/server/http/api.ts';
import { presentKnowledgeBaseNote, searchKnowledgeBase, SearchKnowledgeBaseQuery } from '#lib/server/knowledge-bases/index.ts';
import type { RequestHandler } from './$types';

/** Notes across the knowledge base's notebooks, each once, among those the caller may see. */
export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const page = await searchKnowledgeBase(locals.app.ctx.db, locals.viewer, params.id, readQuery(url, SearchKnowledgeBaseQuery));
	const at = presentAt(locals);
	return ok({ items: page.items.map((n) => presentKnowledgeBaseNote(n, at)), next: page.next });
});

export const fallback = methodNotAllowed('GET');
