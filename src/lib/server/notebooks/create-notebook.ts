import { ForbiddenError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import type { CreateNotebookInput } from './schemas.ts';

/** A community notebook needs a community its creator belongs to (admins excepted), as for notes. */
function checkCommunity(viewer: Viewer, visibility: string, communityId: string | null) {
	if (visibility === 'community' && !communityId)
		throw new ValidationError('A community notebook needs a community', { communityId: ['community_required'] });
	if (communityId && viewer.kind === 'account' && !viewer.isAdmin && !viewer.activeCommunityIds.has(communityId)) {
		throw new ForbiddenError('Only members may link a notebook to a community', { communityId: ['community_not_member'] });
	}
}

/** Any signed-in account starts a notebook and becomes its first manager. `imported` keeps an id and a date. */
export async function createNotebook(
	db: Db,
	viewer: Viewer,
	input: CreateNotebookInput,
	imported?: { id: string; createdAt: Date }
): Promise<{ id: string }> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to start a notebook');
	checkCommunity(viewer, input.visibility, input.communityId);
	const id = imported?.id ?? newId();
	await db.transaction(async (tx) => {
		await tx
			.insert(schema.notebook)
			.values({ ...input, id, createdBy: viewer.id, createdAt: imported?.createdAt, updatedAt: imported?.createdAt });
		await tx.insert(schema.notebookMember).values({ notebookId: id, accountId: viewer.id, role: 'manager' });
	});
	return { id };
}
