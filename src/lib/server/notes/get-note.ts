import { NotFoundError } from '../../domain/errors.ts';
import { canEditNote, canViewNote, seesOnlyAsAdmin } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { logAdminView } from '../admin/index.ts';
import { findCommunitySummary } from '../communities/index.ts';
import type { Db } from '../db/index.ts';
import { findNoteWithFacts } from './queries.ts';

/**
 * A note as this viewer may see it, with its authors and community. Anyone may call it; a note the viewer may
 * not see is NotFoundError, exactly like a missing one (DESIGN §6). An admin's view of a hidden note is logged.
 */
export async function getNote(db: Db, viewer: Viewer, id: string) {
	const found = await findNoteWithFacts(db, id);
	if (!found || !canViewNote(viewer, found.facts)) throw new NotFoundError('No such note');
	if (seesOnlyAsAdmin(viewer, (v) => canViewNote(v, found.facts))) await logAdminView(db, viewer, 'note', id);
	const community = found.row.communityId ? await findCommunitySummary(db, found.row.communityId) : undefined;
	return { note: found.row, authors: found.authors, community: community ?? null, canEdit: canEditNote(viewer, found.facts) };
}

export type NoteView = Awaited<ReturnType<typeof getNote>>;
