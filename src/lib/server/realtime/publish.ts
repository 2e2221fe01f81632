import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';

/** The NOTIFY channel of live events: every app process listening on the database hears every event. */
export const EVENTS_CHANNEL = 'commonplace_events';

/**
 * What happened, by ids only: a listener decides per subscriber whether they may see it (the same visibility rules
 * as pages) and reads what to show through the use cases, so an event never carries content past those rules.
 */
export type LiveEvent =
	| {
			type: 'message';
			change: 'created' | 'edited' | 'deleted' | 'hidden' | 'shown';
			threadId: string;
			messageId: string;
			communityIds: string[];
	  }
	| { type: 'thread'; change: 'created' | 'locked' | 'unlocked'; threadId: string; communityIds: string[] }
	| { type: 'direct_message'; conversationId: string; messageId: string; accountIds: string[] }
	| { type: 'notification'; accountId: string };

/**
 * Sends live events. Called inside the writing transaction, they are delivered after the commit only (NOTIFY's rule),
 * to this process and every other one listening on the same PostgreSQL (on PGlite, to this process). Several events
 * go in one statement.
 */
export async function publish(db: Db, ...events: LiveEvent[]): Promise<void> {
	if (!events.length) return;
	const notices = sql.join(
		events.map((e) => sql`pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(e)})`),
		sql`, `
	);
	await db.execute(sql`select ${notices}`);
}
