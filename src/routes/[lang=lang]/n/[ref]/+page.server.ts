import { redirect } from '@sveltejs/kit';
import { getNoteDiscussion } from '#lib/server/discussions/index.ts';
import { formFailure } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import {
	citeNoteView,
	CiteQuery,
	deleteNote,
	getNotePage,
	noteIdFromSegment,
	presentNoteMetadata,
	restoreNote,
	setNoteStatus
} from '#lib/server/notes/index.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	const { db, config } = locals.app.ctx;
	try {
		const id = await noteIdFromSegment(db, locals.viewer, params.ref, url);
		const page = await getNotePage(db, locals.viewer, id, locals.lang, config.publicUrl);
		// One citation per view, in the format asked (?cite=mla); the others are a link or a click away.
		const cite = CiteQuery.catch({ format: 'apa' }).parse({ format: url.searchParams.get('cite') ?? undefined });
		const citation = citeNoteView(page, cite.format, locals.lang, config.publicUrl);
		const canonicalUrl = `${config.publicUrl}/${locals.lang}/n/${id}`;
		const isPublic = page.note.status === 'published' && page.note.visibility === 'public' && !page.note.deletedAt;
		// What an anonymous reader sees is the same for all of them: the front cache of server.ts keeps it, and
		// browsers and proxies revalidate it every time (ETag). A signed-in reader's page names them.
		setHeaders(
			locals.viewer.kind === 'anonymous'
				? { 'cache-control': 'public, max-age=0, must-revalidate', vary: 'Cookie' }
				: { 'cache-control': 'private, no-cache' }
		);
		return {
			...page,
			isAdmin: locals.viewer.kind === 'account' && locals.viewer.isAdmin,
			citation: { format: cite.format, text: citation.text },
			canonicalUrl,
			metadata: isPublic ? presentNoteMetadata(page, canonicalUrl, 'Commonplace') : null,
			// Its thread and count as this viewer may read them (for anonymous readers: the public ones, the same for all).
			discussion: await getNoteDiscussion(db, locals.viewer, id)
		};
	} catch (e) {
		rethrowForPage(e);
	}
};

/** Runs an author's action on the note of the URL, then comes back to it saying what happened. */
function noteAction(use: (event: RequestEvent, id: string) => Promise<unknown>, done: (lang: string, id: string) => string) {
	return async (event: RequestEvent) => {
		const { locals, params, url } = event;
		if (!locals.account) redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
		let id: string;
		try {
			id = await noteIdFromSegment(locals.app.ctx.db, locals.viewer, params.ref, url);
			await use(event, id);
		} catch (e) {
			return formFailure(e, {});
		}
		redirect(303, done(locals.lang, id));
	};
}

export const actions: Actions = {
	publish: noteAction(
		({ locals }, id) => setNoteStatus(locals.app.ctx.db, locals.viewer, id, 'published'),
		(lang, id) => `/${lang}/n/${id}?published`
	),
	unpublish: noteAction(
		({ locals }, id) => setNoteStatus(locals.app.ctx.db, locals.viewer, id, 'draft'),
		(lang, id) => `/${lang}/n/${id}?unpublished`
	),
	delete: noteAction(
		({ locals }, id) => deleteNote(locals.app.ctx.db, locals.viewer, id),
		(lang) => `/${lang}/notes?deleted`
	),
	restore: noteAction(
		({ locals }, id) => restoreNote(locals.app.ctx.db, locals.viewer, id),
		(lang, id) => `/${lang}/n/${id}?restored`
	)
};
