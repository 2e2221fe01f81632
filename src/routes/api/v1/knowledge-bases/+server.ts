import { api, created, methodNotAllowed, ok, presentAt, readJson, readQuery, requireAccount } from '#lib/server/http/api.ts';
import {
	createKnowledgeBase,
	CreateKnowledgeBaseInput,
	getKnowledgeBase,
	ListKnowledgeBasesQuery,
	listKnowledgeBasesPage,
	presentKnowledgeBase,
	presentKnowledgeBasePage
} from '#lib/server/knowledge-bases/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, url }) => {
	const query = readQuery(url, ListKnowledgeBasesQuery);
	return ok(presentKnowledgeBasePage(await listKnowledgeBasesPage(locals.app.ctx.db, locals.viewer, query), presentAt(locals)));
});

export const POST: RequestHandler = api(async ({ locals, request, url }) => {
	const { viewer } = requireAccount(locals);
	const input = await readJson(request, CreateKnowledgeBaseInput);
	const { db } = locals.app.ctx;
	const { id } = await createKnowledgeBase(db, viewer, input);
	return created(
		presentKnowledgeBase(await getKnowledgeBase(db, viewer, id), presentAt(locals)),
		new URL(`/api/v1/knowledge-bases/${id}`, url).href
	);
});

export const fallback = methodNotAllowed('GET, POST');
