import { api, methodNotAllowed, noContent, readJson, requireAccount } from '#lib/server/http/api.ts';
import { deleteCategory, moveCategory, renameCategory, UpdateCategoryInput } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

/** Managers rename a category, move it one place in its list, or both. */
export const PATCH: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	const { db } = locals.app.ctx;
	const { name, direction } = await readJson(request, UpdateCategoryInput);
	if (name !== undefined) await renameCategory(db, viewer, params.id, params.categoryId, name);
	if (direction) await moveCategory(db, viewer, params.id, params.categoryId, direction);
	return noContent();
});

/** Managers delete a category; its notes stay in the notebook, uncategorised in that list. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await deleteCategory(locals.app.ctx.db, viewer, params.id, params.categoryId);
	return noContent();
});

export const fallback = methodNotAllowed('PATCH, DELETE');
