import { getNote, listRevisions, noteIdFromSegment, restoreRevision } from '#lib/server/notes/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import { formFailure } from '#lib/server/http/forms.ts';
import { redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db } = locals.app.ctx;
	try {
		const id = await noteIdFromSegment(db, locals.viewer, params.ref, url);
		const [view, revisions] = await Promise.all([getNote(db, locals.viewer, id), listRevisions(db, id)]);
		return { note: { id, title: view.note.title, currentRevisionId: view.note.currentRevisionId }, canEdit: view.canEdit, revisions };
	} catch (e) {
		rethrowForPage(e);
	}
};

const Restore = z.object({ revisionId: z.string().min(1).max(64) });

export const actions: Actions = {
	restore: async ({ locals, params, request, url }) => {
		if (!locals.account) redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
		const { db } = locals.app.ctx;
		let id: string;
		try {
			id = await noteIdFromSegment(db, locals.viewer, params.ref, url);
			const { revisionId } = Restore.parse(Object.fromEntries(await request.formData()));
			await restoreRevision(db, locals.viewer, id, revisionId, (number) =>
				m.note_history_restored_message({ number }, { locale: locals.lang })
			);
		} catch (e) {
			return formFailure(e, {});
		}
		redirect(303, `/${locals.lang}/n/${id}/history?restored=1`);
	}
};
