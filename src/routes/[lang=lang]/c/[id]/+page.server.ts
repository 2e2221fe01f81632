import { fail, redirect } from '@sveltejs/kit';
import { isDomainError } from '#lib/domain/errors.ts';
import { importIntoNotebook } from '#lib/server/exchange/index.ts';
import { z } from 'zod';
import { formFailure, formValues, handleForm } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import {
	getNotebook,
	includeNote,
	listNotebookMembers,
	notebookNotesPage,
	ListNotebookNotesQuery,
	moveNoteInNotebook,
	pinNote,
	removeNoteFromNotebook,
	setNoteCategory,
	removeNotebookMember,
	changeNotebookMemberRole,
	ChangeNotebookRoleInput,
	InviteNotebookMemberInput,
	inviteNotebookMember,
	listNotebookInvitations,
	withdrawNotebookInvitation
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
		const [members, knowledgeBases, invitations] = await Promise.all([
			listNotebookMembers(db, params.id),
			listKnowledgeBases(db, locals.viewer, { notebookId: params.id }),
			// Who was invited is the managers' business only.
			view.canManage ? listNotebookInvitations(db, params.id) : []
		]);
		return { ...view, notes, query, find: find ?? '', candidates, members, invitations, knowledgeBases };
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

type MemberAction = 'invite' | 'withdraw' | 'changeRole' | 'removeMember';

/**
 * Runs a managers' action on members and invitations. Its answer sits under `members` (with the person's name for
 * a notice, or the errors and the values as typed), so the members section shows it where the person acted.
 */
function memberAct<S extends z.ZodType>(
	action: MemberAction,
	schema: S,
	use: (event: RequestEvent, input: z.output<S>) => Promise<string | void>
) {
	return async (event: RequestEvent) => {
		if (!event.locals.account) redirect(303, signIn(event));
		const form = await event.request.formData();
		const values = formValues(form);
		try {
			const name = await use(event, schema.parse(values));
			return { members: { action, name: name ?? undefined } };
		} catch (e) {
			const failure = formFailure(e, values);
			return fail(failure.status, { members: { action, ...failure.data } });
		}
	};
}

const MemberRef = z.object({ accountId: z.string().min(1).max(64) });
const NoteRef = z.object({ noteId: z.string().min(1).max(64) });
// One menu per category list (category0…category2); an empty choice leaves the note uncategorised in that list.
const CategoryChoice = z.string().max(64).optional();
const Include = NoteRef.extend({ category0: CategoryChoice, category1: CategoryChoice, category2: CategoryChoice });
const SetCategory = NoteRef.extend({ list: z.coerce.number().int().min(0).max(2), categoryId: CategoryChoice });

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
	include: act(Include, ({ locals, params }, { noteId, ...choices }) =>
		includeNote(locals.app.ctx.db, locals.viewer, params.id, {
			noteId,
			categoryIds: [choices.category0, choices.category1, choices.category2].filter((c): c is string => Boolean(c))
		})
	),
	setCategory: act(SetCategory, ({ locals, params }, { noteId, list, categoryId }) =>
		setNoteCategory(locals.app.ctx.db, locals.viewer, params.id, noteId, list, categoryId || null)
	),
	remove: act(NoteRef, ({ locals, params }, { noteId }) => removeNoteFromNotebook(locals.app.ctx.db, locals.viewer, params.id, noteId)),
	pin: act(NoteRef.extend({ pinned: z.enum(['true', 'false']) }), ({ locals, params }, { noteId, pinned }) =>
		pinNote(locals.app.ctx.db, locals.viewer, params.id, noteId, pinned === 'true')
	),
	moveNote: act(NoteRef.extend({ direction: z.enum(['up', 'down']) }), ({ locals, params }, { noteId, direction }) =>
		moveNoteInNotebook(locals.app.ctx.db, locals.viewer, params.id, noteId, direction)
	),
	invite: memberAct('invite', InviteNotebookMemberInput, async ({ locals, params }, { handle, role }) => {
		const invited = await inviteNotebookMember(locals.app.ctx.db, locals.viewer, params.id, handle, role);
		return invited.displayName;
	}),
	withdraw: memberAct('withdraw', MemberRef, ({ locals, params }, { accountId }) =>
		withdrawNotebookInvitation(locals.app.ctx.db, locals.viewer, params.id, accountId)
	),
	changeRole: memberAct('changeRole', MemberRef.extend(ChangeNotebookRoleInput.shape), ({ locals, params }, { accountId, role }) =>
		changeNotebookMemberRole(locals.app.ctx.db, locals.viewer, params.id, accountId, role)
	),
	removeMember: memberAct('removeMember', MemberRef, ({ locals, params }, { accountId }) =>
		removeNotebookMember(locals.app.ctx.db, locals.viewer, params.id, accountId)
	)
};
