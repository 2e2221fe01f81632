// Hosts edit their community: name, description, kind and region. The slug and the visibility stay as they are
// (schemas.ts, UpdateCommunityInput, says why). Pages showing the community are refreshed by the page-cache triggers.
import { and, eq, sql } from 'drizzle-orm';
import { ForbiddenError, NotFoundError, StaleVersionError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { canManageCommunity, canViewCommunity, seesOnlyAsAdmin } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { logAdminView } from '../admin/index.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { microsText, nextVersionTime } from '../db/versions.ts';
import { findCommunityBySlug, findMembership, type CommunityRow } from './queries.ts';
import type { UpdateCommunityInput } from './schemas.ts';

/**
 * The community as its edit form starts from, for its hosts and admins. Throws UnauthorizedError when anonymous,
 * NotFoundError when the viewer may not see the community (as everywhere), ForbiddenError for anyone else who sees
 * it. An admin who is not a host is logged (DESIGN §6).
 */
export async function getCommunityForEdit(db: Db, viewer: Viewer, slug: string): Promise<CommunityRow> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to edit a community');
	const community = await findCommunityBySlug(db, slug);
	if (!community) throw new NotFoundError('No such community');
	const membership = await findMembership(db, community.id, viewer.id);
	if (!canViewCommunity(viewer, community, membership)) throw new NotFoundError('No such community');
	if (!canManageCommunity(viewer, membership)) throw new ForbiddenError('Only its hosts edit a community');
	if (seesOnlyAsAdmin(viewer, (v) => canManageCommunity(v, membership))) await logAdminView(db, viewer, 'community', community.id);
	return community;
}

/**
 * Saves the fields given; the others keep their value. The save must start from the current version
 * (`input.baseVersion`): when another save came first, it throws StaleVersionError (`community_edit_conflict`, with
 * the current version) and writes nothing, so no host's edit silently replaces another's. A territorial community
 * keeps a region (ValidationError `community_region_required`); a thematic one has none. Same errors as
 * getCommunityForEdit. Returns the slug.
 */
export async function updateCommunity(db: Db, viewer: Viewer, slug: string, input: UpdateCommunityInput): Promise<{ slug: string }> {
	const current = await getCommunityForEdit(db, viewer, slug);
	if (input.baseVersion !== current.version) throw staleEdit(current.version);
	const kind = input.kind ?? current.kind;
	const region = kind === 'territorial' ? (input.region === undefined ? current.region : input.region?.trim() || null) : null;
	if (kind === 'territorial' && !region)
		throw new ValidationError('A territorial community names its region', { region: ['community_region_required'] });
	const { community } = schema;
	// The version is checked again by the write itself: a save that committed since the read above wins, and this one
	// changes nothing (its merge of the fields not sent started from a row that is gone).
	const [saved] = await db
		.update(community)
		.set({
			name: input.name ?? current.name,
			description: input.description ?? current.description,
			kind,
			region,
			updatedAt: nextVersionTime(community.updatedAt)
		})
		.where(and(eq(community.id, current.id), sql`${microsText(community.updatedAt)} = ${input.baseVersion}`))
		.returning({ slug: community.slug });
	if (!saved) throw staleEdit((await findCommunityBySlug(db, slug))?.version ?? '');
	return { slug: saved.slug };
}

const staleEdit = (currentVersion: string) =>
	new StaleVersionError('Another host saved this community since the edit began', 'community_edit_conflict', currentVersion);
