import { NotFoundError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { listCommunitiesOfMember } from '../communities/index.ts';
import { findProfileByHandle } from './queries.ts';

/**
 * A person's public profile, with the communities they are an active member of that this viewer may know
 * about (never a secret one to an outsider, nor a closed one's membership to a non-member: DESIGN §6).
 * Anyone may call it, anonymous included. Throws NotFoundError for an unknown handle (any case).
 */
export async function getProfile(db: Db, viewer: Viewer, handle: string) {
	const profile = await findProfileByHandle(db, handle);
	if (!profile) throw new NotFoundError('No such profile');
	const communities = await listCommunitiesOfMember(db, viewer, profile.accountId);
	return { profile, communities, isOwn: viewer.kind === 'account' && viewer.id === profile.accountId };
}

export type ProfileView = Awaited<ReturnType<typeof getProfile>>;
