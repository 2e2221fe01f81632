import { newId } from '../../domain/ids.ts';
import { ConflictError, UnauthorizedError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { findCommunityBySlug, listSlugsStartingWith } from './queries.ts';
import type { CreateCommunityInput } from './schemas.ts';
import { firstFreeSlug, slugFromName } from './slugs.ts';

/**
 * Any signed-in account may start a community and becomes its first host. Without a slug, one is proposed from
 * the name (with a numeric suffix if taken). Throws UnauthorizedError when anonymous, ConflictError for a taken slug.
 */
export async function createCommunity(
	db: Db,
	viewer: Viewer,
	input: Omit<CreateCommunityInput, 'kind' | 'region'> & Partial<Pick<CreateCommunityInput, 'kind' | 'region'>>
) {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to create a community');
	const slug = input.slug ?? (await proposeSlug(db, input.name));
	if (await findCommunityBySlug(db, slug)) throw new ConflictError('Slug already in use', { slug: ['slug_taken'] });
	const id = newId();
	const { name, description, visibility } = input;
	// A community of practice is thematic unless it says otherwise; only a territorial one has a region.
	const kind = input.kind ?? 'thematic';
	const region = kind === 'territorial' ? input.region?.trim() || null : null;
	try {
		await db.transaction(async (tx) => {
			await tx.insert(schema.community).values({ id, slug, name, description, visibility, kind, region, createdBy: viewer.id });
			await tx.insert(schema.membership).values({ communityId: id, accountId: viewer.id, role: 'host', status: 'active' });
		});
	} catch (e) {
		// Two people racing for the same slug: the unique index decides.
		if (await findCommunityBySlug(db, slug)) throw new ConflictError('Slug already in use', { slug: ['slug_taken'] });
		throw e;
	}
	return { id, slug };
}

async function proposeSlug(db: Db, name: string): Promise<string> {
	const base = slugFromName(name);
	return firstFreeSlug(base, await listSlugsStartingWith(db, base));
}
