// The discussions part of the OpenAPI document: threads of communities, their messages, moderation and hashtags.
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import {
	EditMessageInput,
	ListThreadsQuery,
	MessageJson,
	PostMessageInput,
	ReportInput,
	ReportJson,
	StartThreadInput,
	TaggedPageJson,
	ThreadJson,
	ThreadPageJson
} from '../discussions/schemas.ts';
import { MESSAGE_FILES_MAX } from '../discussions/message-files.ts';
import { badToken, invalid, jsonBody, optionalAuth, problem, requiredAuth, unauthorized, unsupported } from './openapi-parts.ts';

const slugParam = z.object({ slug: z.string().max(60).describe('Community slug (case-insensitive)') });
const threadParam = z.object({ id: z.string().max(64).describe('Thread id') });
const messageParam = z.object({ id: z.string().max(64).describe('Message id') });
const hiddenThread = problem('No such thread, or hidden from the caller');
const hiddenMessage = problem('No such message, or its thread is hidden from the caller');
const hostsOnly = problem('Only hosts of a community the thread is shown in (and admins) moderate');
const done = { description: 'Done' };
const write = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });

// A message may carry files: the same fields as multipart/form-data, with `file` parts and `alt` for the pictures.
const filesPart = z.object({
	file: z
		.array(z.string().meta({ format: 'binary' }))
		.max(MESSAGE_FILES_MAX)
		.optional()
		.describe(`Up to ${MESSAGE_FILES_MAX} files, at most 25 MiB in all, of the types notes carry`),
	alt: z.string().max(500).optional().describe('Text alternative of its pictures')
});
const writeWithFiles = (schema: z.ZodObject) => ({
	required: true,
	content: {
		'application/json': { schema },
		'multipart/form-data': { schema: schema.extend(filesPart.shape) }
	}
});
const fileProblems = {
	413: problem('The files are over 25 MiB in all; `maxBytes` and, when known, `size` give both in bytes'),
	415: problem('A file of a type notes do not carry (`errors.file`: `file_type_refused`), or a body neither JSON nor multipart/form-data')
};

const operations = {
	listThreads: {
		operationId: 'listCommunityThreads',
		tags: ['discussions'],
		summary: 'Threads shown in a community, newest activity first',
		description:
			'Discussions of a public community are public; those of a closed or secret one are for its active members (404 to others). ' +
			'`messageCount` counts the messages the caller may see. Follow `next` with `?cursor=` for more.',
		security: optionalAuth,
		requestParams: { path: slugParam, query: ListThreadsQuery },
		responses: {
			200: jsonBody('One page of threads', ThreadPageJson),
			401: badToken,
			404: problem('No such community, or its discussions are hidden from the caller'),
			422: invalid
		}
	},
	startThread: {
		operationId: 'startThread',
		tags: ['discussions'],
		summary: 'Start a thread (active members); `alsoIn` cross-posts it to other communities of the caller',
		description: 'The active members of each community it is shown in are notified; @mentions notify the accounts that may read it.',
		security: requiredAuth,
		requestParams: { path: slugParam },
		requestBody: writeWithFiles(StartThreadInput),
		responses: {
			201: { ...jsonBody('Created; `Location` is its API URL', ThreadJson), headers: z.object({ location: z.url() }) },
			400: problem('The body is not valid JSON, or a broken multipart body'),
			401: unauthorized,
			403: problem('Not an active member of the community, or a cross-site multipart post'),
			404: problem('No such community, or its discussions are hidden from the caller'),
			...fileProblems,
			422: invalid
		}
	},
	getThread: {
		operationId: 'getThread',
		tags: ['discussions'],
		summary: 'A thread with its messages as the caller may see them',
		description: 'Deleted messages keep their place without text; hidden ones show their text to hosts only.',
		security: optionalAuth,
		requestParams: { path: threadParam },
		responses: { 200: jsonBody('The thread', ThreadJson), 401: badToken, 404: hiddenThread }
	},
	postMessage: {
		operationId: 'postMessage',
		tags: ['discussions'],
		summary: 'Reply in a thread, to the thread or to a message (active members; not in a locked thread)',
		security: requiredAuth,
		requestParams: { path: threadParam },
		requestBody: writeWithFiles(PostMessageInput),
		responses: {
			201: { ...jsonBody('The new message', MessageJson), headers: z.object({ location: z.url() }) },
			400: problem('The body is not valid JSON, or a broken multipart body'),
			401: unauthorized,
			403: problem('Not an active member, the thread is locked, or a cross-site multipart post'),
			404: hiddenThread,
			...fileProblems,
			422: invalid
		}
	},
	editMessage: {
		operationId: 'editMessage',
		tags: ['discussions'],
		summary: 'Edit one’s own message (shown as edited)',
		security: requiredAuth,
		requestParams: { path: messageParam },
		requestBody: write(EditMessageInput),
		responses: {
			200: jsonBody('The message as it now is', MessageJson),
			401: unauthorized,
			403: problem('Not the author, deleted, or the thread is locked'),
			404: hiddenMessage,
			415: unsupported,
			422: invalid
		}
	},
	deleteMessage: {
		operationId: 'deleteMessage',
		tags: ['discussions'],
		summary: 'Delete one’s own message: its text goes, its place stays for the replies',
		security: requiredAuth,
		requestParams: { path: messageParam },
		responses: { 204: done, 401: unauthorized, 403: problem('Not the author'), 404: hiddenMessage }
	},
	reportMessage: {
		operationId: 'reportMessage',
		tags: ['discussions'],
		summary: 'Report a message to the hosts, with a reason (once)',
		security: requiredAuth,
		requestParams: { path: messageParam },
		requestBody: write(ReportInput),
		responses: {
			201: jsonBody('Reported', ReportJson),
			401: unauthorized,
			403: problem('One’s own message, or a deleted one'),
			404: hiddenMessage,
			409: problem('Already reported by the caller'),
			415: unsupported,
			422: invalid
		}
	},
	hideMessage: {
		operationId: 'hideMessage',
		tags: ['discussions'],
		summary: 'Hide a message (hosts): its text then shows to hosts only',
		security: requiredAuth,
		requestParams: { path: messageParam },
		responses: { 204: done, 401: unauthorized, 403: hostsOnly, 404: hiddenMessage }
	},
	showMessage: {
		operationId: 'showMessage',
		tags: ['discussions'],
		summary: 'Show a hidden message again (hosts)',
		security: requiredAuth,
		requestParams: { path: messageParam },
		responses: { 204: done, 401: unauthorized, 403: hostsOnly, 404: hiddenMessage }
	},
	lockThread: {
		operationId: 'lockThread',
		tags: ['discussions'],
		summary: 'Lock a thread (hosts): no new messages',
		security: requiredAuth,
		requestParams: { path: threadParam },
		responses: { 204: done, 401: unauthorized, 403: hostsOnly, 404: hiddenThread }
	},
	unlockThread: {
		operationId: 'unlockThread',
		tags: ['discussions'],
		summary: 'Open a locked thread again (hosts)',
		security: requiredAuth,
		requestParams: { path: threadParam },
		responses: { 204: done, 401: unauthorized, 403: hostsOnly, 404: hiddenThread }
	},
	listTagged: {
		operationId: 'listTaggedMessages',
		tags: ['discussions'],
		summary: 'Messages carrying a #hashtag, newest first, in the threads the caller may read',
		description: 'Tags are lower-case, accents kept, without the #. Follow `next` with `?cursor=` for more.',
		security: optionalAuth,
		requestParams: { path: z.object({ tag: z.string().max(200).describe('The hashtag, without #') }), query: ListThreadsQuery },
		responses: { 200: jsonBody('One page of messages', TaggedPageJson), 401: badToken, 422: invalid }
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

export const discussionsTag = { name: 'discussions', description: 'Threads and messages of communities, hashtags and moderation' };

export const discussionPaths = {
	'/api/v1/communities/{slug}/threads': { get: operations.listThreads, post: operations.startThread },
	'/api/v1/threads/{id}': { get: operations.getThread },
	'/api/v1/threads/{id}/messages': { post: operations.postMessage },
	'/api/v1/threads/{id}/lock': { post: operations.lockThread, delete: operations.unlockThread },
	'/api/v1/messages/{id}': { patch: operations.editMessage, delete: operations.deleteMessage },
	'/api/v1/messages/{id}/report': { post: operations.reportMessage },
	'/api/v1/messages/{id}/hidden': { post: operations.hideMessage, delete: operations.showMessage },
	'/api/v1/tags/{tag}': { get: operations.listTagged }
} satisfies ZodOpenApiPathsObject;
