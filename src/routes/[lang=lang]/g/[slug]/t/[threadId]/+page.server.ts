import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import {
	deleteMessageWithFiles,
	editMessage,
	EditMessageInput,
	getThread,
	noteCardsOf,
	postMessage,
	PostMessageInput,
	reportMessage,
	ReportInput,
	setMessageHidden,
	setThreadLocked,
	withMessageFiles
} from '#lib/server/discussions/index.ts';
import { filesOf, handleForm, isFormFailure, textOf, type FormState } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const thread = await getThread(locals.app.ctx.db, locals.viewer, params.threadId, {
		lang: locals.lang,
		origin: locals.app.ctx.config.publicUrl,
		slug: params.slug
	}).catch(rethrowForPage);
	if (thread.place.slug !== params.slug) redirect(308, `/${locals.lang}/g/${thread.place.slug}/t/${thread.id}`);
	// Cards of the notes shared here, only those the viewer may see (notes in discussions).
	return { thread, noteCards: await noteCardsOf(locals.app.ctx.db, locals.viewer, thread.id) };
};

type Action = 'reply' | 'edit' | 'delete' | 'report' | 'hide' | 'lock';

/** Every action needs an account: anonymous posts go to sign-in and come back here. */
function requireAccount({ locals, url }: RequestEvent) {
	if (!locals.account) redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
}

/** Tags a failure with its action and message, so the page shows the error beside the form that caused it. */
function tagged<R>(action: Action, messageId: string | null, result: R | ActionFailure<FormState>) {
	return isFormFailure(result) ? fail(result.status, { ...result.data, action, messageId }) : result;
}

const back = (event: RequestEvent, messageId?: string) =>
	redirect(303, `/${event.locals.lang}/g/${event.params.slug}/t/${event.params.threadId}${messageId ? `#m-${messageId}` : ''}`);

const MessageRef = z.object({ messageId: z.string().min(1).max(64) });
const idOf = async (event: RequestEvent) => {
	const form = await event.request.clone().formData();
	const value = form.get('messageId') ?? form.get('parentId');
	return typeof value === 'string' ? value : null;
};

export const actions: Actions = {
	reply: async (event) => {
		requireAccount(event);
		const { locals, params, request } = event;
		const parentId = await idOf(event);
		const result = await handleForm(request, PostMessageInput, async (input, form) => {
			const { ctx } = locals.app;
			const { messageId } = await withMessageFiles(ctx, filesOf(form), textOf(form, 'alt'), (files) =>
				postMessage(ctx.db, locals.viewer, params.threadId, input, files)
			);
			back(event, messageId);
		});
		return tagged('reply', parentId, result);
	},
	edit: async (event) => {
		requireAccount(event);
		const { locals, request } = event;
		const id = await idOf(event);
		const result = await handleForm(request, EditMessageInput.extend(MessageRef.shape), async ({ messageId, body }) => {
			await editMessage(locals.app.ctx.db, locals.viewer, messageId, { body });
			back(event, messageId);
		});
		return tagged('edit', id, result);
	},
	delete: async (event) => {
		requireAccount(event);
		const { locals, request } = event;
		const id = await idOf(event);
		const result = await handleForm(request, MessageRef, async ({ messageId }) => {
			await deleteMessageWithFiles(locals.app.ctx, locals.viewer, messageId);
			back(event, messageId);
		});
		return tagged('delete', id, result);
	},
	report: async (event) => {
		requireAccount(event);
		const { locals, request } = event;
		const id = await idOf(event);
		const result = await handleForm(request, ReportInput.extend(MessageRef.shape), async ({ messageId, reason }) => {
			await reportMessage(locals.app.ctx.db, locals.viewer, messageId, { reason });
			return { action: 'report' as const, messageId, reported: true };
		});
		return tagged('report', id, result);
	},
	hide: async (event) => {
		requireAccount(event);
		const { locals, request } = event;
		const id = await idOf(event);
		const result = await handleForm(request, MessageRef.extend({ hidden: z.enum(['0', '1']) }), async ({ messageId, hidden }) => {
			await setMessageHidden(locals.app.ctx.db, locals.viewer, messageId, hidden === '1');
			back(event, messageId);
		});
		return tagged('hide', id, result);
	},
	lock: async (event) => {
		requireAccount(event);
		const { locals, params, request } = event;
		const result = await handleForm(request, z.object({ locked: z.enum(['0', '1']) }), async ({ locked }) => {
			await setThreadLocked(locals.app.ctx.db, locals.viewer, params.threadId, locked === '1');
			back(event);
		});
		return tagged('lock', null, result);
	}
};
