import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { EditConflictError } from '#lib/domain/errors.ts';
import { deleteAttachment, listAttachments, updateAltText, uploadAttachment } from '#lib/server/attachments/index.ts';
import { conflictFailure, formFailure, formValues, handleForm } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import {
	describeEditConflict,
	getEditNotePage,
	InviteAuthorInput,
	inviteCoAuthor,
	moveAuthor,
	noteIdFromSegment,
	removeAuthor,
	previewNoteForm,
	setNoteStatus,
	updateNote,
	UpdateNoteForm
} from '#lib/server/notes/index.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const signIn = (lang: string, url: URL) => `/${lang}/sign-in?next=${encodeURIComponent(url.pathname)}`;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.account) redirect(303, signIn(locals.lang, url));
	const { db } = locals.app.ctx;
	try {
		const id = await noteIdFromSegment(db, locals.viewer, params.ref, url);
		const [page, attachments] = await Promise.all([
			getEditNotePage(db, locals.viewer, id),
			listAttachments(locals.app.ctx, locals.viewer, id)
		]);
		return { ...page, attachments };
	} catch (e) {
		rethrowForPage(e);
	}
};

/** The note id of the URL, for a signed-in person (a session that expired signs in again). */
async function noteOf({ locals, params, url }: RequestEvent): Promise<string> {
	if (!locals.account) redirect(303, signIn(locals.lang, url));
	try {
		return await noteIdFromSegment(locals.app.ctx.db, locals.viewer, params.ref, url);
	} catch (e) {
		rethrowForPage(e);
	}
}

const AttachmentAction = z.object({ attachmentId: z.string().min(1).max(64), altText: z.string().optional() });

const AuthorAction = z.object({ accountId: z.string().min(1).max(64), direction: z.enum(['up', 'down']).optional() });

export const actions: Actions = {
	save: async (event) => {
		const id = await noteOf(event);
		const { locals, request } = event;
		const { db } = locals.app.ctx;
		return handleForm(request, UpdateNoteForm, async (input, form) => {
			try {
				await updateNote(db, locals.viewer, id, input);
			} catch (e) {
				if (!(e instanceof EditConflictError)) throw e;
				const values = formValues(form);
				const conflict = await describeEditConflict(db, locals.viewer, id, {
					title: values.title ?? '',
					summary: values.summary ?? '',
					body: values.body ?? ''
				});
				return conflictFailure(e, values, conflict);
			}
			if (form.get('intent') === 'publish') await setNoteStatus(db, locals.viewer, id, 'published');
			redirect(303, `/${locals.lang}/n/${id}?saved`);
		});
	},
	preview: async ({ request, locals }) =>
		previewNoteForm(locals.app.ctx.db, locals.viewer, await request.formData(), locals.lang, locals.app.ctx.config.publicUrl),
	invite: async (event) => {
		const id = await noteOf(event);
		const { locals, request } = event;
		const result = await handleForm(request, InviteAuthorInput, async ({ handle }) => {
			await inviteCoAuthor(locals.app.ctx.db, locals.viewer, id, handle);
			return { invited: handle.replace(/^@/, '') };
		});
		return result;
	},
	removeAuthor: async (event) => {
		const id = await noteOf(event);
		const { locals, request } = event;
		const form = Object.fromEntries(await request.formData());
		try {
			const { accountId } = AuthorAction.parse(form);
			await removeAuthor(locals.app.ctx.db, locals.viewer, id, accountId);
		} catch (e) {
			return formFailure(e, {});
		}
		// Removing oneself ends the right to edit: back to the note, which may now be out of reach.
		if (locals.viewer.kind === 'account' && form.accountId === locals.viewer.id) redirect(303, `/${locals.lang}/notes`);
		return { authorsChanged: true };
	},
	/** The upload form beside the editor, for browsers without JavaScript (the toolbar uploads through the API). */
	upload: async (event) => {
		const id = await noteOf(event);
		const { locals, request } = event;
		const form = await request.formData();
		const file = form.get('file');
		const alt = String(form.get('alt') ?? '');
		try {
			if (!(file instanceof File) || file.size === 0) return fail(400, { upload: { alt }, errors: { file: ['file_missing'] } });
			const attachment = await uploadAttachment(locals.app.ctx, locals.viewer, id, { file, altText: alt });
			return { uploaded: attachment };
		} catch (e) {
			const failure = formFailure(e, { alt });
			return fail(failure.status, { upload: { alt }, errors: failure.data.errors });
		}
	},
	altText: async (event) => {
		const id = await noteOf(event);
		const { locals, request } = event;
		try {
			const { attachmentId, altText } = AttachmentAction.parse(Object.fromEntries(await request.formData()));
			await updateAltText(locals.app.ctx, locals.viewer, id, attachmentId, { altText: altText ?? '' });
		} catch (e) {
			return formFailure(e, {});
		}
		return { attachmentsChanged: true };
	},
	deleteAttachment: async (event) => {
		const id = await noteOf(event);
		const { locals, request } = event;
		try {
			const { attachmentId } = AttachmentAction.parse(Object.fromEntries(await request.formData()));
			await deleteAttachment(locals.app.ctx, locals.viewer, id, attachmentId);
		} catch (e) {
			return formFailure(e, {});
		}
		return { attachmentsChanged: true };
	},
	moveAuthor: async (event) => {
		const id = await noteOf(event);
		const { locals, request } = event;
		try {
			const { accountId, direction } = AuthorAction.parse(Object.fromEntries(await request.formData()));
			await moveAuthor(locals.app.ctx.db, locals.viewer, id, accountId, direction ?? 'up');
		} catch (e) {
			return formFailure(e, {});
		}
		return { authorsChanged: true };
	}
};
