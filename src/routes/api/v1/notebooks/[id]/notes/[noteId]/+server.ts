import { api, methodNotAllowed, noContent, requireAccount } from '#lib/server/http/api.ts';
import { removeNoteFromNotebook } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

/** Takes the note out of the notebook; the note itself stays. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await removeNoteFromNotebook(locals.app.ctx.db, viewer, params.id, params.noteId);
	return noContent();
});

export const fallback = methodNotAllowed('DELETE');
