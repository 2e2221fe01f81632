import { api, methodNotAllowed, noContent, ok, presentAt, readJson, requireAccount } from '#lib/server/http/api.ts';
import { deleteNote, getNoteJson, setNoteStatus, updateNote, UpdateNoteRequest } from '#lib/server/notes/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => {
	const { publicUrl, lang } = presentAt(locals);
	return ok(await getNoteJson(locals.app.ctx.db, locals.viewer, params.id, publicUrl, lang));
});

/** Saves the fields sent as a new revision (409 with `currentRevisionId` if the note changed since `baseRevisionId`). */
export const PATCH: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const { status, ...input } = await readJson(request, UpdateNoteRequest);
	const { db } = locals.app.ctx;
	const changesFields = Object.keys(input).some((k) => k !== 'baseRevisionId' && k !== 'message');
	if (changesFields) await updateNote(db, viewer, params.id, input);
	if (status) await setNoteStatus(db, viewer, params.id, status);
	const { publicUrl, lang } = presentAt(locals);
	return ok(await getNoteJson(db, viewer, params.id, publicUrl, lang));
});

export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await deleteNote(locals.app.ctx.db, viewer, params.id);
	return noContent();
});

export const fallback = methodNotAllowed('GET, PATCH, DELETE');
