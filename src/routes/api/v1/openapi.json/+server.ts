import { api, methodNotAllowed, ok } from '#lib/server/http/api.ts';
import { openApiDocument } from '#lib/server/http/openapi.ts';
import type { RequestHandler } from './$types';

// The same for every caller: shared caches may keep it for a while.
export const GET: RequestHandler = api(({ locals }) =>
	ok(openApiDocument(locals.app.ctx.config.publicUrl), { 'cache-control': 'public, max-age=300' })
);

export const fallback = methodNotAllowed('GET');
