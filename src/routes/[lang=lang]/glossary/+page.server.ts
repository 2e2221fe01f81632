import { GlossaryQuery, GLOSSARY_MAX_TERMS, listGlossary, presentGlossaryPage } from '#lib/server/glossary/index.ts';
import type { PageServerLoad } from './$types';

// A mistyped address still shows the glossary: an unknown letter or an over-long search is simply dropped.
const Query = GlossaryQuery.catch({});

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = Query.parse(Object.fromEntries(url.searchParams));
	const glossary = await listGlossary(locals.app.ctx.db, locals.viewer, query);
	return {
		...presentGlossaryPage(glossary),
		shown: glossary.items.length,
		complete: glossary.complete,
		max: GLOSSARY_MAX_TERMS,
		letter: query.letter ?? null,
		q: query.q ?? ''
	};
};
