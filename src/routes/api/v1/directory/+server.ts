import { api, methodNotAllowed, ok, presentAt, readQuery } from '#lib/server/http/api.ts';
import {
	DirectoryQuery,
	listDirectory,
	listDirectoryFacets,
	presentOrganization,
	type DirectoryPageJson
} from '#lib/server/glossary/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, url }) => {
	const { db } = locals.app.ctx;
	const query = readQuery(url, DirectoryQuery);
	const [page, facets] = await Promise.all([listDirectory(db, locals.viewer, query), listDirectoryFacets(db, locals.viewer)]);
	const { publicUrl, lang } = presentAt(locals);
	const body: DirectoryPageJson = {
		items: page.items.map((o) => presentOrganization(o, publicUrl, lang)),
		total: page.total,
		next: page.next,
		facets
	};
	return ok(body);
});

export const fallback = methodNotAllowed('GET');
