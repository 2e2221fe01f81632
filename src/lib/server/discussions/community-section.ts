// The discussion section of a community page: null for whoever may not read its discussions (no threads, no counts).
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { listThreads } from './list-threads.ts';
import { hostedCommunities, ownPlaces } from './queries.ts';

/** Threads of the community for its page, and what the viewer may do there; null when they may not read them. */
export async function getCommunityDiscussion(db: Db, viewer: Viewer, slug: string, cursor?: string) {
	const page = await listThreads(db, viewer, slug, { cursor, limit: 20 }).catch((e: unknown) => {
		if (e instanceof NotFoundError) return null;
		// A stale or forged cursor: the newest threads instead.
		if (e instanceof ValidationError) return listThreads(db, viewer, slug, { limit: 20 });
		throw e;
	});
	if (!page) return null;
	const here = page.community;
	const member = viewer.kind === 'account' && viewer.activeCommunityIds.has(here.id);
	const own = member ? await ownPlaces(db, viewer) : [];
	return {
		canPost: member,
		canModerate: (viewer.kind === 'account' && viewer.isAdmin) || (await hostedCommunities(db, viewer)).has(here.id),
		otherCommunities: own.filter((c) => c.id !== here.id).map((c) => ({ slug: c.slug, name: c.name })),
		threads: page.items,
		next: page.next,
		paged: Boolean(cursor)
	};
}
