import { api, methodNotAllowed, noContent, ok, presentAt, readJson, readQuery, requireAccount } from '#lib/server/http/api.ts';
import {
	includeNote,
	IncludeNoteInput,
	listNotebookNotes,
	ListNotebookNotesQuery,
	presentNotebookNote
} from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

/** The notes of the notebook the caller may see, with their categories and inclusion facts. */
export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const page = await listNotebookNotes(locals.app.ctx.db, locals.viewer, params.id, readQuery(url, ListNotebookNotesQuery));
	const at = presentAt(locals);
	return ok({ items: page.items.map((n) => presentNotebookNote(n, at)), next: page.next });
});

/** Includes a note the caller may see (contributors, managers, members of the notebook's community). */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	await includeNote(locals.app.ctx.db, viewer, params.id, await readJson(request, IncludeNoteInput));
	return noContent();
});

export const fallback = methodNotAllowed('GET, POST');
