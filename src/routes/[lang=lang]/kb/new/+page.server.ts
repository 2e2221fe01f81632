import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { listOwnCommunities } from '#lib/server/communities/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import { createKnowledgeBase, CreateKnowledgeBaseInput } from '#lib/server/knowledge-bases/index.ts';
import type { Actions, PageServerLoad } from './$types';

const signIn = (lang: string) => `/${lang}/sign-in?next=${encodeURIComponent(`/${lang}/kb/new`)}`;

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.account) redirect(303, signIn(locals.lang));
	return { communities: await listOwnCommunities(locals.app.ctx.db, locals.viewer) };
};

// An empty community choice is "none".
const KnowledgeBaseForm = z.preprocess((v) => {
	const form = v as Record<string, string>;
	return { ...form, communityId: form.communityId || null };
}, CreateKnowledgeBaseInput);

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (!locals.account) redirect(303, signIn(locals.lang));
		return handleForm(request, KnowledgeBaseForm, async (input) => {
			const { id } = await createKnowledgeBase(locals.app.ctx.db, locals.viewer, input);
			redirect(303, `/${locals.lang}/kb/${id}?created`);
		});
	}
};
