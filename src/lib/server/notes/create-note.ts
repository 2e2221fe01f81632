import { ForbiddenError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import type { CreateNoteInput } from './schemas.ts';
import { insertNotes } from './insert-notes.ts';
import { linkBody } from './links.ts';

/** Checks shared by create and update: a community note needs a community the author belongs to. */
export function checkCommunity(viewer: Viewer, visibility: string, communityId: string | null) {
	if (visibility === 'community' && !communityId)
		throw new ValidationError('A community note needs a community', { communityId: ['community_required'] });
	if (communityId && viewer.kind === 'account' && !viewer.isAdmin && !viewer.activeCommunityIds.has(communityId)) {
		throw new ForbiddenError('Only members may attach a note to a community', { communityId: ['community_not_member'] });
	}
}

/**
 * Any signed-in account writes a note: it starts as a draft with the viewer as first author and revision 1.
 * `imported` keeps an original id and dates (demo content and imports only, never user input).
 */
export async function createNote(
	db: Db,
	viewer: Viewer,
	input: CreateNoteInput,
	imported?: { id: string; createdAt: Date; updatedAt: Date; publishedAt: Date | null }
): Promise<{ id: string; revisionId: string }> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to write a note');
	checkCommunity(viewer, input.visibility, input.communityId);
	const id = imported?.id ?? newId();
	const { message, ...fields } = input;
	const { body, linkedIds } = await linkBody(db, viewer, fields.body);
	return db.transaction(async (tx) => {
		const [revisionId] = await insertNotes(tx, viewer.id, [{ id, fields: { ...fields, body }, linkedIds, message, imported }]);
		return { id, revisionId };
	});
}
