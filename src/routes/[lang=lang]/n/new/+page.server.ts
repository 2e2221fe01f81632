import { redirect } from '@sveltejs/kit';
import { listOwnCommunities } from '#lib/server/communities/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import { createNote, CreateNoteForm, previewNoteForm, setNoteStatus } from '#lib/server/notes/index.ts';
import type { Actions, PageServerLoad } from './$types';

const signIn = (lang: string, url: URL) => `/${lang}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.account) redirect(303, signIn(locals.lang, url));
	// "Create this note" from a link to a missing title, or a type chosen from a listing (?type=term).
	const type = url.searchParams.get('type');
	return {
		communities: await listOwnCommunities(locals.app.ctx.db, locals.viewer),
		values: {
			title: url.searchParams.get('title')?.slice(0, 200) ?? '',
			type: type === 'term' || type === 'organization' ? type : 'general',
			language: locals.lang
		}
	};
};

export const actions: Actions = {
	save: async ({ request, locals, url }) => {
		if (!locals.account) redirect(303, signIn(locals.lang, url));
		const { db } = locals.app.ctx;
		return handleForm(request, CreateNoteForm, async (input, form) => {
			const { id } = await createNote(db, locals.viewer, input);
			if (form.get('intent') === 'publish') await setNoteStatus(db, locals.viewer, id, 'published');
			redirect(303, `/${locals.lang}/n/${id}?saved`);
		});
	},
	/** Shows the body as it will read, without saving; works without JavaScript. */
	preview: async ({ request, locals }) =>
		previewNoteForm(locals.app.ctx.db, locals.viewer, await request.formData(), locals.lang, locals.app.ctx.config.publicUrl)
};
