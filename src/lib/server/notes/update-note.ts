import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { canEditNote, canViewNote } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { checkCommunity } from './create-note.ts';
import { findNoteWithFacts } from './queries.ts';
import type { UpdateNoteInput } from './schemas.ts';
import { linkBody } from './links.ts';
import { reviseNotes } from './revise-notes.ts';

/**
 * Saves an edit as a new revision. Authors (and admins) may call it. The edit names the revision it started
 * from: if another save came first, it throws EditConflictError and writes nothing, so no save silently
 * overwrites another. NotFoundError for a note the viewer may not see, ForbiddenError for one they only read.
 */
export async function updateNote(db: Db, viewer: Viewer, id: string, input: UpdateNoteInput): Promise<{ revisionId: string }> {
	const found = await findNoteWithFacts(db, id);
	if (!found || !canViewNote(viewer, found.facts)) throw new NotFoundError('No such note');
	if (!canEditNote(viewer, found.facts)) throw new ForbiddenError('Only authors edit a note');
	const { baseRevisionId, message, ...fields } = input;
	checkCommunity(
		viewer,
		fields.visibility ?? found.row.visibility,
		fields.communityId === undefined ? found.row.communityId : fields.communityId
	);
	const linked = fields.body === undefined ? undefined : await linkBody(db, viewer, fields.body);
	if (linked) fields.body = linked.body;
	const editorId = viewer.kind === 'account' ? viewer.id : null;
	return db.transaction(async (tx) => {
		const [revisionId] = await reviseNotes(tx, editorId, [{ id, fields, linkedIds: linked?.linkedIds, baseRevisionId, message }]);
		return { revisionId };
	});
}
