// Notes in discussions, in the OpenAPI document: the thread about a note ("Discuss this note") and sharing a note
// into its community's discussion.
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { NoteShareJson, ShareNoteInput } from '../discussions/note-threads.ts';
import { ThreadSummaryJson } from '../discussions/schemas.ts';
import { badToken, invalid, jsonBody, optionalAuth, problem, requiredAuth, unauthorized, unsupported } from './openapi-parts.ts';

const noteParam = z.object({ id: z.string().max(64).describe('Note id') });
const hiddenNote = problem('No such note, or hidden from the caller');
const location = z.object({ location: z.url().describe('API URL of the thread') });

const operations = {
	getNoteThread: {
		operationId: 'getNoteThread',
		tags: ['discussions', 'notes'],
		summary: 'The thread about a note',
		description:
			'The one thread discussing the note, in its community. 404 when there is none yet, or the caller may not see the note or read ' +
			'the thread (a closed or secret community’s discussion is for its active members). The note’s card in it is shown only to ' +
			'those who may see the note; the thread is named after the note only while everyone who may read it may see the note.',
		security: optionalAuth,
		requestParams: { path: noteParam },
		responses: {
			200: jsonBody('The thread', ThreadSummaryJson),
			401: badToken,
			404: problem('No such note or thread, or hidden from the caller')
		}
	},
	discussNote: {
		operationId: 'discussNote',
		tags: ['discussions', 'notes'],
		summary: 'Find or start the thread about a note (“Discuss this note”)',
		description:
			'Answers the thread about the note (200) or, on first use, makes it in the note’s community (201): its first message is the ' +
			'note’s card; nobody is notified. Starting it needs an active membership of that community and a published note that is ' +
			'not private. Send `Content-Type: application/json`; no body is needed.',
		security: requiredAuth,
		requestParams: { path: noteParam },
		responses: {
			200: jsonBody('The existing thread', ThreadSummaryJson),
			201: { ...jsonBody('Made; `Location` is its API URL', ThreadSummaryJson), headers: location },
			401: unauthorized,
			403: problem('Not an active member of the community (the same answer whether the thread exists or not)'),
			404: hiddenNote,
			415: unsupported,
			422: problem('The note is a draft, private, or linked to no community (`errors._`)')
		}
	},
	shareNote: {
		operationId: 'shareNote',
		tags: ['discussions', 'notes'],
		summary: 'Share a note into its community’s discussion (its authors)',
		description:
			'Posts the note’s card, with an optional comment, in the thread about the note (made if needed), and notifies the active ' +
			'members of the community who may see the note (`note_shared`). The body may be empty.',
		security: requiredAuth,
		requestParams: { path: noteParam },
		requestBody: { required: false, content: { 'application/json': { schema: ShareNoteInput } } },
		responses: {
			201: { ...jsonBody('Shared; `Location` is the thread’s API URL', NoteShareJson), headers: location },
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: problem('Not an author of the note, not an active member of its community, or the thread is locked'),
			404: hiddenNote,
			415: unsupported,
			422: invalid,
			429: {
				...problem('The author’s hourly limit of shares is reached (`errors._`: `share_rate_limited`); nothing was shared'),
				headers: z.object({ 'retry-after': z.string().describe('Seconds until the limit’s window ends') })
			}
		}
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

export const noteThreadPaths = {
	'/api/v1/notes/{id}/thread': { get: operations.getNoteThread, post: operations.discussNote },
	'/api/v1/notes/{id}/share': { post: operations.shareNote }
} satisfies ZodOpenApiPathsObject;
