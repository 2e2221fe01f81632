import { citeNote, CiteQuery, getNotePage, noteIdFromSegment, presentNoteMetadata } from '#lib/server/notes/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, config } = locals.app.ctx;
	try {
		const id = await noteIdFromSegment(db, params.ref, url);
		const page = await getNotePage(db, locals.viewer, id, locals.lang, config.publicUrl);
		// One citation per view, in the format asked (?cite=mla); the others are a link or a click away.
		const cite = CiteQuery.catch({ format: 'apa' }).parse({ format: url.searchParams.get('cite') ?? undefined });
		const citation = await citeNote(db, locals.viewer, id, cite.format, locals.lang, config.publicUrl);
		const canonicalUrl = `${config.publicUrl}/${locals.lang}/n/${id}`;
		const isPublic = page.note.status === 'published' && page.note.visibility === 'public' && !page.note.deletedAt;
		return {
			...page,
			citation: { format: cite.format, text: citation.text },
			canonicalUrl,
			metadata: isPublic ? presentNoteMetadata(page, canonicalUrl, 'Commonplace') : null
		};
	} catch (e) {
		rethrowForPage(e);
	}
};
