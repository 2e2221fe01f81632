import { api, methodNotAllowed, ok, presentAt, readQuery } from '#lib/server/http/api.ts';
import { GlossaryQuery, listGlossary, presentGlossaryTerm, type GlossaryJson } from '#lib/server/glossary/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, url }) => {
	const glossary = await listGlossary(locals.app.ctx.db, locals.viewer, readQuery(url, GlossaryQuery));
	const { publicUrl, lang } = presentAt(locals);
	const body: GlossaryJson = {
		letters: glossary.letters,
		items: glossary.items.map((t) => presentGlossaryTerm(t, publicUrl, lang)),
		complete: glossary.complete
	};
	return ok(body);
});

export const fallback = methodNotAllowed('GET');
