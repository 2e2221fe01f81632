import { api, methodNotAllowed, ok, presentAt } from '#lib/server/http/api.ts';
import { getKnowledgeBase, presentKnowledgeBase } from '#lib/server/knowledge-bases/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	ok(presentKnowledgeBase(await getKnowledgeBase(locals.app.ctx.db, locals.viewer, params.id), presentAt(locals)))
);

export const fallback = methodNotAllowed('GET');
