import { fail, redirect } from '@sveltejs/kit';
import { isDomainError } from '#lib/domain/errors.ts';
import { importIntoNotebook } from '#lib/server/exchange/index.ts';
import { z } from 'zod';
import { handleForm } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import {
	addCategory,
	addNotebookMember,
	CategoryInput,
	deleteCategory,
	getNotebook,
	includeNote,
	listNotebookMembers,
	notebookNotesPage,
	ListNotebookNotesQuery,
	moveCategory,
	moveNoteInNotebook,
	pinNote,
	removeNoteFromNotebook,
	removeNotebookMember
} from '#lib/server/notebooks/index.ts';
import { listKnowledgeBases } from '#lib/server/knowledge-bases/index.ts';
import { listNotes, ListNotesQuery } from '#lib/server/notes/index.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db } = locals.app.ctx;
	try {
		// A filter that does not parse (a hand-edited URL) shows the notebook unfiltered rather than an error.
		const parsed = ListNotebookNotesQuery.safeParse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
		const query = parsed.success ? parsed.data : ListNotebookNotesQuery.parse({});
		const view = await getNotebook(db, locals.viewer, params.id);
		// getNotebook has checked the viewer may see it: the list need not ask again.
		const notes = await notebookNotesPage(db, locals.viewer, params.id, query);
		// The picker of notes to include: the contributor's search, among the notes they may see.
		const find = url.searchParams.get('find')?.trim();
		const candidates =
			view.canContribute && find ? (await listNotes(db, locals.viewer, ListNotesQuery.parse({ q: find, limit: 10 }))).items : [];
		const [members, knowledgeBases] = await Promise.all([
			listNotebookMembers(db, params.id),
			listKnowledgeBases(db, locals.viewer, { notebookId: params.id })
		]);
		return { ...view, notes, query, find: find ?? '', candidates, members, knowledgeBases };
	} catch (e) {
		rethrowForPage(e);
	}
};

const signIn = (event: RequestEvent) => `/${event.locals.lang}/sign-in?next=${encodeURIComponent(event.url.pathname)}`;

/** Runs a curator's action and answers with the page (JavaScript or not, the page reloads its data). */
function act<S extends z.ZodType>(schema: S, use: (event: RequestEvent, input: z.output<S>) => Promise<unknown>) {
	return async (event: RequestEvent) => {
		if (!event.locals.account) redirect(303, signIn(event));
		return handleForm(event.request, schema, async (input) => {
			await use(event, input);
			return { done: true };
		});
	};
}

const NoteRef = z.object({ noteId: z.string().min(1).max(64) });
const Include = NoteRef.extend({ categoryId: z.string().max(64).optional() });
const CategoryRef = z.object({ categoryId: z.string().min(1).max(64), direction: z.enum(['up', 'down']).optional() });

export const actions: Actions = {
	// Multipart (a zip of Markdown files): handleForm reads text fields only, so this action reads the form itself.
	import: async (event) => {
		if (!event.locals.account) redirect(303, signIn(event));
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { importError: 'no_file' });
		try {
			const report = await importIntoNotebook(
				event.locals.app.ctx.db,
				event.locals.viewer,
				event.params.id,
				new Uint8Array(await file.arrayBuffer())
			);
			return { imported: report };
		} catch (e) {
			if (isDomainError(e) && e.status === 400) return fail(400, { importError: Object.values(e.fields).flat()[0] ?? 'invalid' });
			rethrowForPage(e);
		}
	},
	include: act(Include, ({ locals, params }, { noteId, categoryId }) =>
		includeNote(locals.app.ctx.db, locals.viewer, params.id, { noteId, categoryIds: categoryId ? [categoryId] : [] })
	),
	remove: act(NoteRef, ({ locals, params }, { noteId }) => removeNoteFromNotebook(locals.app.ctx.db, locals.viewer, params.id, noteId)),
	pin: act(NoteRef.extend({ pinned: z.enum(['true', 'false']) }), ({ locals, params }, { noteId, pinned }) =>
		pinNote(locals.app.ctx.db, locals.viewer, params.id, noteId, pinned === 'true')
	),
	moveNote: act(NoteRef.extend({ direction: z.enum(['up', 'down']) }), ({ locals, params }, { noteId, direction }) =>
		moveNoteInNotebook(locals.app.ctx.db, locals.viewer, params.id, noteId, direction)
	),
	addCategory: act(CategoryInput, ({ locals, params }, input) => addCategory(locals.app.ctx.db, locals.viewer, params.id, input)),
	moveCategory: act(CategoryRef, ({ locals, params }, { categoryId, direction }) =>
		moveCategory(locals.app.ctx.db, locals.viewer, params.id, categoryId, direction ?? 'up')
	),
	addMember: act(z.object({ handle: z.string().trim().min(1, 'handle_required').max(40) }), ({ locals, params }, { handle }) =>
		addNotebookMember(locals.app.ctx.db, locals.viewer, params.id, handle, 'contributor')
	),
	removeMember: act(z.object({ accountId: z.string().min(1).max(64) }), ({ locals, params }, { accountId }) =>
		removeNotebookMember(locals.app.ctx.db, locals.viewer, params.id, accountId)
	),
	deleteCategory: act(CategoryRef, ({ locals, params }, { categoryId }) =>
		deleteCategory(locals.app.ctx.db, locals.viewer, params.id, categoryId)
	)
};
