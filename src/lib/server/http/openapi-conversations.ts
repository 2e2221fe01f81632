// The direct messages part of the OpenAPI document (issue 6): the caller's conversations, their messages, reading.
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import {
	ConversationIdParam,
	ConversationJson,
	ConversationMessagesQuery,
	ConversationPageJson,
	ListConversationsQuery,
	ReadStateJson,
	SendMessageInput,
	StartConversationInput
} from '../conversations/schemas.ts';
import { problem, jsonBody, unauthorized, unsupported, invalid, requiredAuth, optionalAuth } from './openapi-parts.ts';

const hidden = problem('No such conversation, or the caller does not take part in it (anonymous callers and admins included)');
const rateLimited = {
	...problem('The sender’s hourly limit of direct messages is reached (`errors._`: `dm_rate_limited`); the message was not sent'),
	headers: z.object({ 'retry-after': z.string().describe('Seconds until the limit’s window ends') })
};

export const conversationsTag = {
	name: 'conversations',
	description: 'Direct messages: private conversations of two or more members. Only participants learn that one exists.'
};

const operations = {
	listConversations: {
		operationId: 'listConversations',
		tags: ['conversations'],
		summary: 'The caller’s conversations, newest message first, with unread counts',
		description: 'Follow `next` with `?cursor=` for more.',
		security: requiredAuth,
		requestParams: { query: ListConversationsQuery },
		responses: { 200: jsonBody('One page of conversations', ConversationPageJson), 401: unauthorized, 422: invalid }
	},
	startConversation: {
		operationId: 'startConversation',
		tags: ['conversations'],
		summary: 'Write to members by handle, or to the authors of a note ("Contact the author")',
		description:
			'`noteId` must name a note the caller may see; its authors become the recipients and the note the context. ' +
			'When the same people already talk about the same note (or about none), the message goes there: 200 instead of 201.',
		security: requiredAuth,
		requestBody: { required: true, content: { 'application/json': { schema: StartConversationInput } } },
		responses: {
			200: { ...jsonBody('Added to the existing conversation', ConversationJson), headers: z.object({ location: z.url() }) },
			201: { ...jsonBody('Created; `Location` is its API URL', ConversationJson), headers: z.object({ location: z.url() }) },
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			404: problem('No such note, or hidden from the caller'),
			415: unsupported,
			422: problem('Validation failed: `dm_unknown_handle`, `dm_no_recipient`, `dm_too_many_recipients`, `dm_body_required`…'),
			429: rateLimited
		}
	},
	getConversation: {
		operationId: 'getConversation',
		tags: ['conversations'],
		summary: 'A conversation and a page of its messages (the newest; `next` leads to older ones)',
		description: 'Does not mark the conversation read: `POST …/read` does.',
		security: optionalAuth,
		requestParams: { path: ConversationIdParam, query: ConversationMessagesQuery },
		responses: { 200: jsonBody('The conversation', ConversationJson), 404: hidden, 422: invalid }
	},
	sendDirectMessage: {
		operationId: 'sendDirectMessage',
		tags: ['conversations'],
		summary: 'Send a message; the others are notified',
		security: requiredAuth,
		requestParams: { path: ConversationIdParam },
		requestBody: { required: true, content: { 'application/json': { schema: SendMessageInput } } },
		responses: {
			201: { ...jsonBody('Sent; the conversation with its latest messages', ConversationJson), headers: z.object({ location: z.url() }) },
			400: problem('The body is not valid JSON'),
			404: hidden,
			415: unsupported,
			422: invalid,
			429: rateLimited
		}
	},
	readConversation: {
		operationId: 'readConversation',
		tags: ['conversations'],
		summary: 'Mark every message of the conversation read',
		description: 'Send `Content-Type: application/json`; no body is needed.',
		security: requiredAuth,
		requestParams: { path: ConversationIdParam },
		responses: { 200: jsonBody('Unread messages left', ReadStateJson), 404: hidden, 415: unsupported }
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

export const conversationPaths = {
	'/api/v1/conversations': { get: operations.listConversations, post: operations.startConversation },
	'/api/v1/conversations/{id}': { get: operations.getConversation },
	'/api/v1/conversations/{id}/messages': { post: operations.sendDirectMessage },
	'/api/v1/conversations/{id}/read': { post: operations.readConversation }
} satisfies ZodOpenApiPathsObject;
