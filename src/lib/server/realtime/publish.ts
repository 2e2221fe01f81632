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
 * Sends a live event. Called inside the writing transaction, it is delivered after the commit only (NOTIFY's rule),
 * to this process and every other one listening on the same PostgreSQL (on PGlite, to this process).
 */
export async function publish(db: Db, event: LiveEvent): Promise<void> {
	await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}
