import { api, methodNotAllowed, ok } from '#lib/server/http/api.ts';
import type { ApiIndexJson } from '#lib/server/http/openapi.ts';
import type { RequestHandler } from './$types';

/** The API's front door: where to find the description and the main collections. */
export const GET: RequestHandler = api(({ locals }) => {
	const base = `${locals.app.ctx.config.publicUrl}/api/v1`;
	const body: ApiIndexJson = {
		name: 'Commonplace API',
		version: 'v1',
		links: {
			self: base,
			openapi: `${base}/openapi.json`,
			me: `${base}/me`,
			communities: `${base}/communities`,
			community: `${base}/communities/{slug}`,
			profile: `${base}/profiles/{handle}`,
			notes: `${base}/notes`,
			glossary: `${base}/glossary`,
			directory: `${base}/directory`,
			note: `${base}/notes/{id}`,
			notebook: `${base}/notebooks/{id}`,
			knowledgeBases: `${base}/knowledge-bases`,
			search: `${base}/search?q={q}`,
			suggest: `${base}/search/suggest?q={q}`
		}
	};
	return ok(body);
});

export const fallback = methodNotAllowed('GET');
