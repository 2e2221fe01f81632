import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { listOwnCommunities } from '#lib/server/communities/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import { createNotebook, CreateNotebookInput } from '#lib/server/notebooks/index.ts';
import type { Actions, PageServerLoad } from './$types';

const signIn = (lang: string) => `/${lang}/sign-in?next=${encodeURIComponent(`/${lang}/c/new`)}`;

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.account) redirect(303, signIn(locals.lang));
	return { communities: await listOwnCommunities(locals.app.ctx.db, locals.viewer) };
};

// The form names up to three category lists in separate fields; an empty one is no list.
const NotebookForm = z.preprocess((v) => {
	const form = v as Record<string, string>;
	return {
		...form,
		communityId: form.communityId || null,
		categoryLists: [form.list0, form.list1, form.list2].map((s) => (s ?? '').trim()).filter(Boolean)
	};
}, CreateNotebookInput);

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (!locals.account) redirect(303, signIn(locals.lang));
		return handleForm(request, NotebookForm, async (input) => {
			const { id } = await createNotebook(locals.app.ctx.db, locals.viewer, input);
			redirect(303, `/${locals.lang}/c/${id}?created`);
		});
	}
};
