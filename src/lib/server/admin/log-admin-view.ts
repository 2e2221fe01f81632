import { and, desc, eq } from 'drizzle-orm';
import { newId } from '../../domain/ids.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';

export type AdminResource = 'community' | 'note' | 'notebook' | 'knowledge-base' | 'thread' | 'message' | 'conversation';

/** Records that an admin saw an item only their role let them see; called by the use case that showed it. */
export async function logAdminView(db: Db, viewer: Viewer, resourceType: AdminResource, resourceId: string) {
	if (viewer.kind !== 'account' || !viewer.isAdmin) return;
	await db.insert(schema.adminView).values({ id: newId(), adminId: viewer.id, resourceType, resourceId });
}

/** The views recorded for one item, newest first, for moderation reviews and privacy requests. */
export const listAdminViews = (db: Db, resourceType: AdminResource, resourceId: string) =>
	db
		.select({ adminId: schema.adminView.adminId, viewedAt: schema.adminView.viewedAt })
		.from(schema.adminView)
		.where(and(eq(schema.adminView.resourceType, resourceType), eq(schema.adminView.resourceId, resourceId)))
		.orderBy(desc(schema.adminView.viewedAt));
