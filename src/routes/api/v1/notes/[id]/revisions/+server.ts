import { api, methodNotAllowed, ok } from '#lib/server/http/api.ts';
import { getNote, listRevisions } from '#lib/server/notes/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => {
	const { db } = locals.app.ctx;
	// The history is the note's: whoever may not see the note learns nothing of its revisions either.
	await getNote(db, locals.viewer, params.id);
	const revisions = await listRevisions(db, params.id);
	return ok({
		items: revisions.map((r) => ({
			id: r.id,
			number: r.number,
			title: r.title,
			message: r.message,
			editor: r.editorHandle ? { handle: r.editorHandle, name: r.editorName ?? '' } : null,
			createdAt: r.createdAt.toISOString()
		}))
	});
});

export const fallback = methodNotAllowed('GET');
