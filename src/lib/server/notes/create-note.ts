import { ForbiddenError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { slugify } from '../../domain/slugs.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import type { CreateNoteInput } from './schemas.ts';
import { linkBody, replaceNoteLinks } from './links.ts';
import { writeRevision } from './write-revision.ts';

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
		await tx.insert(schema.note).values({
			...fields,
			body,
			id,
			slug: slugify(fields.title),
			status: imported?.publishedAt ? 'published' : 'draft',
			createdAt: imported?.createdAt,
			updatedAt: imported?.updatedAt,
			publishedAt: imported?.publishedAt ?? null
		});
		await tx.insert(schema.noteAuthor).values({ noteId: id, accountId: viewer.id, position: 0 });
		await replaceNoteLinks(tx, id, linkedIds);
		const revisionId = await writeRevision(tx, id, { editorId: viewer.id, message, baseRevisionId: null, at: imported?.updatedAt });
		return { id, revisionId };
	});
}
