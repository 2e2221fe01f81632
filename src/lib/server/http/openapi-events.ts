// The live events part of the OpenAPI document (issue 6, ADR 11): one Server-Sent Events stream per page.
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { EventsQuery, LiveEventJson } from '../realtime/schemas.ts';
import { badToken, invalid, optionalAuth, problem } from './openapi-parts.ts';

const operations = {
	events: {
		operationId: 'streamEvents',
		tags: ['events'],
		summary: 'Live events as Server-Sent Events (text/event-stream)',
		description:
			'A stream of what changes while a page is open: new, edited, deleted or hidden messages and new or locked threads ' +
			'of the followed community or thread (only those the caller may read), and, for a signed-in caller, their own ' +
			'notifications (with the unread count) and direct messages. Each event’s `data:` is JSON carrying ids and the ' +
			'kind of change only: fetch what to show through the other operations. A comment every 25 s keeps the ' +
			'connection open; `retry:` says when to reconnect; after a reconnection (`Last-Event-ID`) a `resync` event ' +
			'says that events may have been missed.',
		security: optionalAuth,
		requestParams: { query: EventsQuery },
		responses: {
			200: {
				description: 'The stream; each event’s `data:` is a LiveEvent',
				content: { 'text/event-stream': { schema: LiveEventJson } }
			},
			401: badToken,
			404: problem('The community or thread does not exist, or the caller may not read it'),
			422: invalid
		}
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

export const eventsTag = { name: 'events', description: 'Live updates (Server-Sent Events)' };

export const eventPaths: ZodOpenApiPathsObject = {
	'/api/v1/events': { get: operations.events }
};
