// The few reads live delivery needs: where a subscription points, and where a thread is shown.
import { eq, or, sql } from 'drizzle-orm';
import type { DiscussionPlace } from '../../domain/visibility.ts';
import { schema, type Db } from '../db/index.ts';
import { placesOf } from '../discussions/index.ts';

const { community } = schema;

/** A community by id or slug (case-insensitive), with what decides who may read its discussion. */
export async function findPlace(db: Db, idOrSlug: string): Promise<DiscussionPlace | undefined> {
	const [row] = await db
		.select({ id: community.id, visibility: community.visibility })
		.from(community)
		.where(or(eq(community.id, idOrSlug), sql`lower(${community.slug}) = ${idOrSlug.toLowerCase()}`))
		.limit(1);
	return row;
}

/** The communities a thread is shown in now (none if it does not exist): the discussions capability's own read. */
export async function placesOfThread(db: Db, threadId: string): Promise<DiscussionPlace[]> {
	return (await placesOf(db, threadId)).map(({ id, visibility }) => ({ id, visibility }));
}
