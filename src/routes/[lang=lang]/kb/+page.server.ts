import { ValidationError } from '#lib/domain/errors.ts';
import { ListKnowledgeBasesQuery, listKnowledgeBasesPage } from '#lib/server/knowledge-bases/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = locals.app.ctx;
	const first = ListKnowledgeBasesQuery.parse({});
	const parsed = ListKnowledgeBasesQuery.safeParse({ cursor: url.searchParams.get('cursor') || undefined });
	try {
		return await listKnowledgeBasesPage(db, locals.viewer, parsed.success ? parsed.data : first);
	} catch (e) {
		// A cursor this server did not issue (a hand-edited address) shows the first page rather than an error.
		if (e instanceof ValidationError) return listKnowledgeBasesPage(db, locals.viewer, first);
		throw e;
	}
};
