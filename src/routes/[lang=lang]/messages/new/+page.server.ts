import { redirect } from '@sveltejs/kit';
import { startConversation, StartConversationInput } from '#lib/server/conversations/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import { getNote } from '#lib/server/notes/index.ts';
import type { Actions, PageServerLoad } from './$types';

const signIn = (lang: string, url: URL) => `/${lang}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;

/**
 * "Contact the author(s)" lands here with ?note=: the note must be one the viewer may see (404 otherwise), and its
 * authors are the recipients. ?to= names someone by handle (from a profile, say).
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.account || locals.viewer.kind !== 'account') redirect(303, signIn(locals.lang, url));
	const noteId = url.searchParams.get('note')?.slice(0, 64) || null;
	const to = url.searchParams.get('to')?.slice(0, 200) ?? '';
	if (!noteId) return { note: null, to };
	try {
		const { note, authors } = await getNote(locals.app.ctx.db, locals.viewer, noteId);
		const viewerId = locals.viewer.id;
		return {
			note: {
				id: note.id,
				title: note.title,
				authors: authors.map((a) => ({ handle: a.handle, displayName: a.displayName, isMe: a.accountId === viewerId }))
			},
			to
		};
	} catch (e) {
		rethrowForPage(e);
	}
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		if (!locals.account) redirect(303, signIn(locals.lang, url));
		return handleForm(request, StartConversationInput, async (input) => {
			const { id } = await startConversation(locals.app.ctx, locals.viewer, input);
			redirect(303, `/${locals.lang}/messages/${id}#latest`);
		});
	}
};
