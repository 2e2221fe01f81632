import { ForbiddenError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import type { CreateKnowledgeBaseInput } from './schemas.ts';

/**
 * Any signed-in account starts a knowledge base and becomes its first manager. A community one needs a community its
 * creator belongs to (admins excepted), as for notebooks. UnauthorizedError, ValidationError, ForbiddenError.
 * `fixed` gives the id and date of one that exists elsewhere (the demo content keeps a stable URL).
 */
export async function createKnowledgeBase(
	db: Db,
	viewer: Viewer,
	input: CreateKnowledgeBaseInput,
	fixed?: { id: string; createdAt: Date }
): Promise<{ id: string }> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to start a knowledge base');
	if (input.visibility === 'community' && !input.communityId)
		throw new ValidationError('A community knowledge base needs a community', { communityId: ['community_required'] });
	if (input.communityId && !viewer.isAdmin && !viewer.activeCommunityIds.has(input.communityId))
		throw new ForbiddenError('Only members may link a knowledge base to a community', { communityId: ['community_not_member'] });
	const id = fixed?.id ?? newId();
	await db.transaction(async (tx) => {
		await tx
			.insert(schema.knowledgeBase)
			.values({ ...input, id, createdBy: viewer.id, createdAt: fixed?.createdAt, updatedAt: fixed?.createdAt });
		await tx.insert(schema.knowledgeBaseMember).values({ knowledgeBaseId: id, accountId: viewer.id, role: 'manager' });
	});
	return { id };
}
