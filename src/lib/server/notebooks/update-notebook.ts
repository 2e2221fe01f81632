import { and, eq, sql } from 'drizzle-orm';
import { ForbiddenError, StaleVersionError, ValidationError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { microsText, nextVersionTime } from '../db/versions.ts';
import { notebookFor } from './access.ts';
import { writeCategoryLists } from './category-lists.ts';
import type { UpdateNotebookInput } from './schemas.ts';
import { findVisibleNotebookNote } from './table-of-contents.ts';

/**
 * As when starting a notebook: a community notebook needs a community, and only its members (admins excepted) may
 * link a notebook to one. Keeping the community it already has needs no membership: a co-manager may edit the title.
 */
function checkCommunity(viewer: Viewer, visibility: string, communityId: string | null, changed: boolean) {
	if (visibility === 'community' && !communityId)
		throw new ValidationError('A community notebook needs a community', { communityId: ['community_required'] });
	if (changed && communityId && viewer.kind === 'account' && !viewer.isAdmin && !viewer.activeCommunityIds.has(communityId)) {
		throw new ForbiddenError('Only members may link a notebook to a community', { communityId: ['community_not_member'] });
	}
}

/**
 * Managers (and admins, for moderation) change a notebook's title, description, visibility, community, category
 * lists (by position: see UpdateNotebookInput), writing guide and table of contents; absent fields stay. The edit
 * must start from the current version (`input.baseVersion`): when the notebook changed since (another manager's save,
 * a new cover, a list renamed), it throws StaleVersionError (`notebook_edit_conflict`, with the current version) and
 * writes nothing. Throws NotFoundError if the viewer may not see it, ForbiddenError if they may not manage it or pick a community
 * they do not belong to, ValidationError for a community notebook without community or a table of contents that is
 * not one of the notebook's notes they may see.
 */
export async function updateNotebook(db: Db, viewer: Viewer, notebookId: string, input: UpdateNotebookInput): Promise<void> {
	const { row } = await notebookFor(db, viewer, notebookId, 'manage');
	if (input.baseVersion !== row.version) throw staleEdit(row.version);
	const visibility = input.visibility ?? row.visibility;
	const communityId = input.communityId === undefined ? row.communityId : input.communityId;
	checkCommunity(viewer, visibility, communityId, communityId !== row.communityId);
	// A note the manager cannot see is refused like a missing one, so the answer reveals nothing about it.
	if (input.tocNoteId && !(await findVisibleNotebookNote(db, viewer, notebookId, input.tocNoteId)))
		throw new ValidationError('The table of contents must be one of the notebook’s notes', { tocNoteId: ['toc_note_not_in_notebook'] });
	const { notebook } = schema;
	await db.transaction(async (tx) => {
		// The version is checked again by the write, first: a change committed since the read above wins, and this
		// edit rolls back whole, its lists included.
		const [saved] = await tx
			.update(notebook)
			.set({
				title: input.title,
				description: input.description,
				visibility: input.visibility,
				communityId: input.communityId,
				guide: input.guide,
				tocNoteId: input.tocNoteId,
				updatedAt: nextVersionTime(notebook.updatedAt)
			})
			.where(and(eq(notebook.id, notebookId), sql`${microsText(notebook.updatedAt)} = ${input.baseVersion}`))
			.returning({ id: notebook.id });
		if (!saved) {
			const [current] = await tx
				.select({ version: microsText(notebook.updatedAt) })
				.from(notebook)
				.where(eq(notebook.id, notebookId));
			throw staleEdit(current?.version ?? '');
		}
		if (input.categoryLists) await writeCategoryLists(tx, notebookId, input.categoryLists);
	});
}

const staleEdit = (currentVersion: string) =>
	new StaleVersionError('The notebook changed since the edit began', 'notebook_edit_conflict', currentVersion);
