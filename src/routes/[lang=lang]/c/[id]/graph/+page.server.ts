import { rethrowForPage } from '#lib/server/http/problem.ts';
import { getNotebook, getNotebookGraph } from '#lib/server/notebooks/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = locals.app.ctx;
	try {
		const [view, graph] = await Promise.all([getNotebook(db, locals.viewer, params.id), getNotebookGraph(db, locals.viewer, params.id)]);
		return { notebook: { id: view.notebook.id, title: view.notebook.title, visibility: view.notebook.visibility }, graph };
	} catch (e) {
		rethrowForPage(e);
	}
};
