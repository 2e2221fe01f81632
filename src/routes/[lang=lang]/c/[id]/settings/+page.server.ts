// A notebook's settings, for its managers: what it is and who sees it, its cover, its category lists, and deleting it.
// Each form posts to its own action; forms that change what the header shows redirect (post/redirect/get), the
// category forms answer in place so a manager reordering a long list keeps their place.
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { StaleVersionError } from '#lib/domain/errors.ts';
import { listOwnCommunities } from '#lib/server/communities/index.ts';
import { conflictFailure, formValues, handleForm, isFormFailure } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import {
	addCategory,
	addCategoryList,
	CategoryInput,
	CategoryListNameInput,
	CoverInput,
	deleteCategory,
	deleteNotebook,
	getNotebookSettings,
	moveCategory,
	removeCategoryList,
	removeNotebookCover,
	renameCategory,
	renameCategoryList,
	setNotebookCover,
	UpdateNotebookInput,
	updateNotebook
} from '#lib/server/notebooks/index.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const DONE = ['saved', 'cover_saved', 'cover_removed'] as const;

/** The notebook as it is now, shown beside a settings form that another change overtook. */
export type NotebookConflict = {
	title: string;
	description: string;
	visibility: string;
	community: string | null;
	guide: string;
	toc: string | null;
	version: string;
};

function requireAccount({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>) {
	if (!locals.account || locals.viewer.kind !== 'account')
		redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
	return locals.viewer;
}

export const load: PageServerLoad = async (event) => {
	const viewer = requireAccount(event);
	const { locals, params, url } = event;
	const { db } = locals.app.ctx;
	try {
		const [settings, own] = await Promise.all([getNotebookSettings(db, viewer, params.id), listOwnCommunities(db, viewer)]);
		// The notebook's own community stays a choice even for a co-manager who is not a member: saving the form must
		// not unlink it behind their back.
		const { communityId } = settings.notebook;
		const communities =
			communityId && settings.community && !own.some((c) => c.id === communityId)
				? [{ id: communityId, name: settings.community.name }, ...own]
				: own;
		const done = DONE.find((d) => d === url.searchParams.get('done')) ?? null;
		return { ...settings, communities, done };
	} catch (e) {
		rethrowForPage(e);
	}
};

// Empty choices mean "none"; every field is sent, so the form replaces all of them at once.
const SettingsForm = z.preprocess((v) => {
	const f = v as Record<string, string | undefined>;
	return {
		title: f.title ?? '',
		description: f.description ?? '',
		visibility: f.visibility || undefined,
		communityId: f.communityId || null,
		guide: f.guide ?? '',
		tocNoteId: f.tocNoteId || null,
		baseVersion: f.baseVersion
	};
}, UpdateNotebookInput);

const CategoryRef = z.object({ categoryId: z.string().min(1).max(64) });
const ListRef = z.object({ list: z.coerce.number().int().min(0).max(2) });
const Confirm = z.object({ confirm: z.literal('yes', 'delete_confirm_required') });

const back = (event: RequestEvent, done: (typeof DONE)[number]) =>
	redirect(303, `/${event.locals.lang}/c/${event.params.id}/settings?done=${done}`);

/** A category or list change, answered in place with the page's fresh data. */
function categoryAction<S extends z.ZodType>(schema: S, use: (event: RequestEvent, input: z.output<S>) => Promise<unknown>) {
	return async (event: RequestEvent) => {
		requireAccount(event);
		return handleForm(event.request, schema, async (input) => {
			await use(event, input);
			return { done: 'categories' as const };
		});
	};
}

export const actions: Actions = {
	save: async (event) => {
		const viewer = requireAccount(event);
		const { db } = event.locals.app.ctx;
		const result = await handleForm(event.request, SettingsForm, async (input, form) => {
			try {
				await updateNotebook(db, viewer, event.params.id, input);
			} catch (e) {
				if (!(e instanceof StaleVersionError)) throw e;
				// The notebook changed since the form was opened: what it holds now is shown beside the form, which keeps
				// this person's text and now starts from that version, so saving again is a choice made having seen it.
				const { notebook, community, toc } = await getNotebookSettings(db, viewer, event.params.id);
				const conflict: NotebookConflict = {
					title: notebook.title,
					description: notebook.description,
					visibility: notebook.visibility,
					community: community?.name ?? null,
					guide: notebook.guide,
					toc: toc?.title ?? null,
					version: notebook.version
				};
				return conflictFailure(e, formValues(form), conflict);
			}
		});
		// A failure, the conflict's included; nothing on success.
		if (result) return result;
		back(event, 'saved');
	},
	// Multipart: handleForm parses the text fields and hands over the form for the file.
	cover: async (event) => {
		const viewer = requireAccount(event);
		const result = await handleForm(event.request, CoverInput, async ({ coverAlt }, form) => {
			const file = form.get('cover');
			const upload = file instanceof File && file.size > 0 ? file : null;
			await setNotebookCover(event.locals.app.ctx, viewer, event.params.id, upload, coverAlt);
		});
		if (isFormFailure(result)) return result;
		back(event, 'cover_saved');
	},
	removeCover: async (event) => {
		const viewer = requireAccount(event);
		const result = await handleForm(event.request, z.object({}), () => removeNotebookCover(event.locals.app.ctx, viewer, event.params.id));
		if (isFormFailure(result)) return result;
		back(event, 'cover_removed');
	},
	addList: categoryAction(CategoryListNameInput, ({ locals, params }, { name }) =>
		addCategoryList(locals.app.ctx.db, locals.viewer, params.id, name)
	),
	renameList: categoryAction(ListRef.extend(CategoryListNameInput.shape), ({ locals, params }, { list, name }) =>
		renameCategoryList(locals.app.ctx.db, locals.viewer, params.id, list, name)
	),
	removeList: categoryAction(ListRef, ({ locals, params }, { list }) =>
		removeCategoryList(locals.app.ctx.db, locals.viewer, params.id, list)
	),
	addCategory: categoryAction(CategoryInput, ({ locals, params }, input) =>
		addCategory(locals.app.ctx.db, locals.viewer, params.id, input)
	),
	renameCategory: categoryAction(CategoryRef.extend({ name: CategoryInput.shape.name }), ({ locals, params }, { categoryId, name }) =>
		renameCategory(locals.app.ctx.db, locals.viewer, params.id, categoryId, name)
	),
	moveCategory: categoryAction(CategoryRef.extend({ direction: z.enum(['up', 'down']) }), ({ locals, params }, { categoryId, direction }) =>
		moveCategory(locals.app.ctx.db, locals.viewer, params.id, categoryId, direction)
	),
	deleteCategory: categoryAction(CategoryRef, ({ locals, params }, { categoryId }) =>
		deleteCategory(locals.app.ctx.db, locals.viewer, params.id, categoryId)
	),
	delete: async (event) => {
		const viewer = requireAccount(event);
		const result = await handleForm(event.request, Confirm, () => deleteNotebook(event.locals.app.ctx.db, viewer, event.params.id));
		if (isFormFailure(result)) return result;
		redirect(303, `/${event.locals.lang}/notes?notebook-deleted`);
	}
};
