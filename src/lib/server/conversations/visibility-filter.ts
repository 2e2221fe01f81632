import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';

const { conversation, conversationParticipant } = schema;

/**
 * SQL twin of canReadConversation (domain/conversations.ts): the conversations this viewer takes part in. Nobody
 * else, admins included, may learn that one exists. conversations.test.ts checks that the two agree.
 */
export function participantFilter(viewer: Viewer): SQL {
	if (viewer.kind !== 'account') return sql`false`;
	return sql`exists (select 1 from ${conversationParticipant}
		where ${conversationParticipant.conversationId} = ${conversation.id} and ${conversationParticipant.accountId} = ${viewer.id})`;
}
