import { eq } from 'drizzle-orm';
import { EditConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { slugify } from '../../domain/slugs.ts';
import { canEditNote, canViewNote } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { checkCommunity } from './create-note.ts';
import { findNoteWithFacts } from './queries.ts';
import type { UpdateNoteInput } from './schemas.ts';
import { linkBody, replaceNoteLinks } from './links.ts';
import { writeRevision } from './write-revision.ts';

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
	return db.transaction(async (tx) => {
		// Lock the row so two saves from the same base cannot both pass the check.
		const [locked] = await tx
			.select({ current: schema.note.currentRevisionId })
			.from(schema.note)
			.where(eq(schema.note.id, id))
			.for('update');
		if (locked.current !== baseRevisionId) throw new EditConflictError('The note changed since this edit began', locked.current ?? '');
		await tx
			.update(schema.note)
			.set({ ...fields, ...(fields.title ? { slug: slugify(fields.title) } : {}), updatedAt: new Date() })
			.where(eq(schema.note.id, id));
		if (linked) await replaceNoteLinks(tx, id, linked.linkedIds);
		const revisionId = await writeRevision(tx, id, { editorId: viewer.kind === 'account' ? viewer.id : null, message, baseRevisionId });
		return { revisionId };
	});
}
