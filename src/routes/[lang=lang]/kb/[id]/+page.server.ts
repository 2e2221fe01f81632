import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { handleForm } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import {
	addKnowledgeBaseNotebook,
	findNotebooksToAdd,
	getKnowledgeBase,
	removeKnowledgeBaseNotebook,
	searchKnowledgeBase,
	SearchKnowledgeBaseQuery
} from '#lib/server/knowledge-bases/index.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db } = locals.app.ctx;
	try {
		const view = await getKnowledgeBase(db, locals.viewer, params.id);
		// A search that does not parse (a hand-edited URL) shows the page without results rather than an error.
		const parsed = SearchKnowledgeBaseQuery.safeParse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
		const query = parsed.success ? parsed.data : SearchKnowledgeBaseQuery.parse({});
		const results = query.q ? await searchKnowledgeBase(db, locals.viewer, params.id, query) : null;
		const find = url.searchParams.get('find')?.trim() ?? '';
		const candidates = view.canManage && find ? await findNotebooksToAdd(db, locals.viewer, params.id, find) : [];
		return { ...view, q: query.q ?? '', results, find, candidates };
	} catch (e) {
		rethrowForPage(e);
	}
};

const signIn = (event: RequestEvent) => `/${event.locals.lang}/sign-in?next=${encodeURIComponent(event.url.pathname)}`;
const NotebookRef = z.object({ notebookId: z.string().min(1).max(64) });

/** Runs a manager's action and answers with the page (JavaScript or not, the page reloads its data). */
function act(use: (event: RequestEvent, notebookId: string) => Promise<unknown>) {
	return async (event: RequestEvent) => {
		if (!event.locals.account) redirect(303, signIn(event));
		return handleForm(event.request, NotebookRef, async ({ notebookId }) => {
			await use(event, notebookId);
			return { done: true };
		});
	};
}

export const actions: Actions = {
	add: act(({ locals, params }, notebookId) => addKnowledgeBaseNotebook(locals.app.ctx.db, locals.viewer, params.id, notebookId)),
	remove: act(({ locals, params }, notebookId) => removeKnowledgeBaseNotebook(locals.app.ctx.db, locals.viewer, params.id, notebookId))
};
