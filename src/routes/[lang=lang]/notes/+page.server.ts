import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { formFailure } from '#lib/server/http/forms.ts';
import { answerAuthorInvitation, listAuthorInvitations, listOwnNotes } from '#lib/server/notes/index.ts';
import {
	acceptNotebookInvitation,
	declineNotebookInvitation,
	listMyNotebookInvitations,
	listNotebooks
} from '#lib/server/notebooks/index.ts';
import type { Actions, PageServerLoad } from './$types';

const signIn = (lang: string) => `/${lang}/sign-in?next=${encodeURIComponent(`/${lang}/notes`)}`;

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.account) redirect(303, signIn(locals.lang));
	const { db } = locals.app.ctx;
	const [notes, invitations, notebookInvitations, notebooks] = await Promise.all([
		listOwnNotes(db, locals.viewer),
		listAuthorInvitations(db, locals.viewer),
		listMyNotebookInvitations(db, locals.viewer),
		listNotebooks(db, locals.viewer, { memberId: locals.account.id })
	]);
	return { notes, invitations, notebookInvitations, notebooks };
};

const Answer = z.object({ noteId: z.string().min(1).max(64), answer: z.enum(['accept', 'decline']) });
const NotebookAnswer = z.object({ notebookId: z.string().min(1).max(64), answer: z.enum(['accept', 'decline']) });

export const actions: Actions = {
	answer: async ({ locals, request }) => {
		if (!locals.account) redirect(303, signIn(locals.lang));
		let answer: z.infer<typeof Answer>;
		try {
			answer = Answer.parse(Object.fromEntries(await request.formData()));
			await answerAuthorInvitation(locals.app.ctx.db, locals.viewer, answer.noteId, answer.answer === 'accept');
		} catch (e) {
			return formFailure(e, {});
		}
		if (answer.answer === 'accept') redirect(303, `/${locals.lang}/n/${answer.noteId}?joined`);
		return { declined: true };
	},
	// Accepting lands on the notebook, which the new member may now see, with a word of welcome.
	answerNotebook: async ({ locals, request }) => {
		if (!locals.account) redirect(303, signIn(locals.lang));
		let answer: z.infer<typeof NotebookAnswer>;
		try {
			answer = NotebookAnswer.parse(Object.fromEntries(await request.formData()));
			const { db } = locals.app.ctx;
			if (answer.answer === 'accept') await acceptNotebookInvitation(db, locals.viewer, answer.notebookId);
			else await declineNotebookInvitation(db, locals.viewer, answer.notebookId);
		} catch (e) {
			return formFailure(e, {});
		}
		if (answer.answer === 'accept') redirect(303, `/${locals.lang}/c/${answer.notebookId}?joined`);
		return { declined: true };
	}
};
