import { api, methodNotAllowed } from '#lib/server/http/api.ts';
import { citeNote, CiteQuery } from '#lib/server/notes/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	const query = CiteQuery.parse(Object.fromEntries(url.searchParams));
	const lang = query.lang ?? locals.lang;
	const citation = await citeNote(locals.app.ctx.db, locals.viewer, params.id, query.format, lang, locals.app.ctx.config.publicUrl);
	return new Response(citation.text, {
		headers: { 'content-type': citation.contentType, 'content-disposition': `inline; filename="${citation.filename}"` }
	});
});

export const fallback = methodNotAllowed('GET');
