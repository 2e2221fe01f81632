import { api, created, methodNotAllowed, ok, presentAt, readJson, readQuery, requireAccount } from '#lib/server/http/api.ts';
import {
	createNote,
	CreateNoteRequest,
	getNoteJson,
	listNotes,
	ListNotesQuery,
	presentNoteSummary,
	setNoteStatus
} from '#lib/server/notes/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, url }) => {
	const page = await listNotes(locals.app.ctx.db, locals.viewer, readQuery(url, ListNotesQuery));
	const { publicUrl, lang } = presentAt(locals);
	return ok({ items: page.items.map((n) => presentNoteSummary(n, publicUrl, lang)), next: page.next });
});

export const POST: RequestHandler = api(async ({ locals, request, url }) => {
	const { viewer } = requireAccount(locals);
	const { status, ...input } = await readJson(request, CreateNoteRequest);
	const { db } = locals.app.ctx;
	const { id } = await createNote(db, viewer, input);
	if (status === 'published') await setNoteStatus(db, viewer, id, 'published');
	const { publicUrl, lang } = presentAt(locals);
	return created(await getNoteJson(db, viewer, id, publicUrl, lang), new URL(`/api/v1/notes/${id}`, url).href);
});

export const fallback = methodNotAllowed('GET, POST');
