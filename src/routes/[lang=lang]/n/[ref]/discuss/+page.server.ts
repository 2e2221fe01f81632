// "Discuss this note" and sharing a note into its community: the forms of the note page post here. Both go to the
// thread; a refusal comes back to this page with its reason (and the comment as typed). Visiting it goes to the
// thread when it exists and the viewer may read it.
import { redirect } from '@sveltejs/kit';
import { discussNote, getNoteDiscussion, shareNote, ShareNoteInput } from '#lib/server/discussions/index.ts';
import { formFailure, handleForm } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import { getNote, noteIdFromSegment } from '#lib/server/notes/index.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const threadUrl = (lang: string, slug: string, threadId: string, messageId?: string) =>
	`/${lang}/g/${slug}/t/${threadId}${messageId ? `#m-${messageId}` : ''}`;

export const load: PageServerLoad = async ({ locals, params, request, url }) => {
	const { db } = locals.app.ctx;
	const id = await noteIdFromSegment(db, locals.viewer, params.ref, url).catch(rethrowForPage);
	const { note } = await getNote(db, locals.viewer, id).catch(rethrowForPage);
	const discussion = await getNoteDiscussion(db, locals.viewer, id);
	// A visit goes to the thread; a refused form (rendered after its action) stays here to show why.
	if (discussion?.thread && request.method === 'GET') redirect(303, threadUrl(locals.lang, discussion.place.slug, discussion.thread.id));
	return { note: { id: note.id, title: note.title, language: note.language }, discussion };
};

/** Both actions need an account: without one, sign in and come back to the note. */
async function noteOf(event: RequestEvent): Promise<string> {
	const { locals, params, url } = event;
	const id = await noteIdFromSegment(locals.app.ctx.db, locals.viewer, params.ref, url).catch(rethrowForPage);
	if (!locals.account) redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(`/${locals.lang}/n/${id}`)}`);
	return id;
}

export const actions: Actions = {
	start: async (event) => {
		const id = await noteOf(event);
		const { locals } = event;
		let to: string;
		try {
			const { threadId, slug } = await discussNote(locals.app.ctx.db, locals.viewer, id);
			to = threadUrl(locals.lang, slug, threadId);
		} catch (e) {
			return formFailure(e, {});
		}
		redirect(303, to);
	},
	share: async (event) => {
		const id = await noteOf(event);
		const { locals, request } = event;
		return handleForm(request, ShareNoteInput, async (input) => {
			const { db, config } = locals.app.ctx;
			const { threadId, slug, messageId } = await shareNote(db, locals.viewer, id, input, config.messagingLimits.sharesPerHour);
			redirect(303, threadUrl(locals.lang, slug, threadId, messageId));
		});
	}
};
