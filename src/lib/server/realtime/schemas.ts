import { z } from 'zod';

/** `GET /api/v1/events?community=&thread=`: what the stream follows, beside the caller's own notifications. */
export const EventsQuery = z.object({
	community: z.string().min(1).max(60).optional().describe('A community’s id or slug: its threads and messages'),
	thread: z.string().min(1).max(64).optional().describe('A thread’s id: its messages')
});
export type EventsQuery = z.infer<typeof EventsQuery>;

const MessageChange = z.enum(['created', 'edited', 'deleted', 'hidden', 'shown']);

/** One event's `data:` (JSON), as the hub sends it: ids and the kind of change only. */
export const LiveEventJson = z
	.discriminatedUnion('type', [
		z.object({ type: z.literal('message'), change: MessageChange, threadId: z.string(), messageId: z.string() }),
		z.object({ type: z.literal('thread'), change: z.enum(['created', 'locked', 'unlocked']), threadId: z.string() }),
		z.object({ type: z.literal('direct_message'), conversationId: z.string(), messageId: z.string() }),
		z.object({ type: z.literal('notification'), unread: z.number().int().describe('The caller’s unread notifications now') }),
		z.object({ type: z.literal('resync').describe('Events may have been missed: fetch the current state again') })
	])
	.meta({ id: 'LiveEvent', description: 'The `data:` of one server-sent event (JSON)' });
