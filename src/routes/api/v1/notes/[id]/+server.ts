import { api, methodNotAllowed, ok } from '#lib/server/http/api.ts';
import { getNote, presentNote } from '#lib/server/notes/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	ok(presentNote(await getNote(locals.app.ctx.db, locals.viewer, params.id), locals.app.ctx.config.publicUrl, locals.lang))
);

export const fallback = methodNotAllowed('GET');
