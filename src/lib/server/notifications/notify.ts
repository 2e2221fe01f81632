import { newId } from '../../domain/ids.ts';
import { schema, type Db } from '../db/index.ts';
import { publish } from '../realtime/publish.ts';

type NotificationKind = (typeof schema.notification.$inferInsert)['kind'];

export type NotificationInput = {
	accountId: string;
	kind: NotificationKind;
	actorId?: string | null;
	communityId?: string | null;
	threadId?: string | null;
	messageId?: string | null;
	noteId?: string | null;
	conversationId?: string | null;
	payload?: Record<string, unknown>;
};

/**
 * Records notifications, for the bell and for email, and tells each recipient's open pages. Call it inside the
 * transaction of what is notified, after deciding who may see it: nobody is notified of their own doing, and an
 * account is notified once per call.
 */
export async function notify(db: Db, items: NotificationInput[]): Promise<void> {
	const seen = new Set<string>();
	const rows = items.filter((i) => i.accountId !== i.actorId && !seen.has(i.accountId) && seen.add(i.accountId));
	if (!rows.length) return;
	await db.insert(schema.notification).values(rows.map((r) => ({ ...r, id: newId(), payload: r.payload ?? {} })));
	for (const accountId of seen) if (rows.some((r) => r.accountId === accountId)) await publish(db, { type: 'notification', accountId });
}
