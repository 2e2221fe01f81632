import { seesOnlyAsAdmin, canContributeToNotebook, canManageNotebook, canViewNotebook } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { logAdminView } from '../admin/index.ts';
import { findCommunitySummary } from '../communities/index.ts';
import type { Db } from '../db/index.ts';
import { notebookFor } from './access.ts';
import { coverUrl } from './cover.ts';
import { countVisibleNotes, listCategories } from './queries.ts';
import { findVisibleNotebookNote } from './table-of-contents.ts';

/**
 * A notebook as this viewer may see it: its lists of categories with counts, the count of notes they may see, its
 * cover, and its table of contents if they may read that note. NotFoundError if they may not see it.
 */
export async function getNotebook(db: Db, viewer: Viewer, id: string) {
	const { row, facts } = await notebookFor(db, viewer, id, 'view');
	if (seesOnlyAsAdmin(viewer, (v) => canViewNotebook(v, facts))) await logAdminView(db, viewer, 'notebook', id);
	const [categories, noteCount, community, toc] = await Promise.all([
		listCategories(db, viewer, id),
		countVisibleNotes(db, viewer, id),
		row.communityId ? findCommunitySummary(db, row.communityId) : undefined,
		row.tocNoteId ? findVisibleNotebookNote(db, viewer, id, row.tocNoteId) : undefined
	]);
	// The first list exists even unnamed, so a notebook can have categories without naming its lists.
	const listNames = row.categoryLists.length ? row.categoryLists : [''];
	return {
		// The table of contents' id only when the viewer may read that note: a draft's id is not for everyone.
		notebook: { ...row, tocNoteId: toc?.id ?? null },
		community: community ?? null,
		lists: listNames.map((name, list) => ({ list, name, categories: categories.filter((c) => c.list === list) })),
		noteCount,
		coverUrl: coverUrl(id, row.coverKey),
		coverAlt: row.coverKey ? row.coverAlt : '',
		toc: toc ?? null,
		canContribute: canContributeToNotebook(viewer, facts),
		canManage: canManageNotebook(viewer, facts)
	};
}

export type NotebookView = Awaited<ReturnType<typeof getNotebook>>;
