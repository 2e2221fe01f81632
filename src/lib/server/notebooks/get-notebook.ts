import { seesOnlyAsAdmin, canContributeToNotebook, canManageNotebook, canViewNotebook } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { logAdminView } from '../admin/index.ts';
import { findCommunitySummary } from '../communities/index.ts';
import type { Db } from '../db/index.ts';
import { notebookFor } from './access.ts';
import { countVisibleNotes, listCategories } from './queries.ts';

/** A notebook as this viewer may see it: its lists of categories with counts, and the count of notes they may see. */
export async function getNotebook(db: Db, viewer: Viewer, id: string) {
	const { row, facts } = await notebookFor(db, viewer, id, 'view');
	if (seesOnlyAsAdmin(viewer, (v) => canViewNotebook(v, facts))) await logAdminView(db, viewer, 'notebook', id);
	const [categories, noteCount, community] = await Promise.all([
		listCategories(db, viewer, id),
		countVisibleNotes(db, viewer, id),
		row.communityId ? findCommunitySummary(db, row.communityId) : undefined
	]);
	// The first list exists even unnamed, so a notebook can have categories without naming its lists.
	const listNames = row.categoryLists.length ? row.categoryLists : [''];
	return {
		notebook: row,
		community: community ?? null,
		lists: listNames.map((name, list) => ({ list, name, categories: categories.filter((c) => c.list === list) })),
		noteCount,
		canContribute: canContributeToNotebook(viewer, facts),
		canManage: canManageNotebook(viewer, facts)
	};
}

export type NotebookView = Awaited<ReturnType<typeof getNotebook>>;
