// The notes part of the OpenAPI document: notes, revisions, citations, co-authors and attachments.
import { z } from 'zod';
import { AttachmentJson, RawUploadQuery, UpdateAttachmentInput } from '../attachments/schemas.ts';
import {
	AnswerInvitationInput,
	CiteQuery,
	CreateNoteRequest,
	InviteAuthorInput,
	ListNotesQuery,
	NoteJson,
	NotePageJson,
	RevisionJson,
	UpdateNoteRequest
} from '../notes/schemas.ts';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { problem, jsonBody, unauthorized, badToken, unsupported, invalid, optionalAuth, requiredAuth } from './openapi-parts.ts';

const NoteAuthorsJson = z
	.object({
		items: z.array(
			z.object({
				handle: z.string(),
				name: z.string(),
				status: z.enum(['active', 'invited']).describe('invited: has not accepted yet')
			})
		)
	})
	.meta({ id: 'NoteAuthors' });

const noteIdParam = z.object({ id: z.string().max(64).describe('Note id') });
const attachmentParams = noteIdParam.extend({ attachmentId: z.string().max(64).describe('Attachment id') });

const noteOperations = {
	listNotes: {
		operationId: 'listNotes',
		tags: ['notes'],
		summary: 'Notes the caller may see, most recently edited first',
		description: 'Drafts appear only to their authors. `q` filters by title. Follow `next` with `?cursor=` for more.',
		security: optionalAuth,
		requestParams: { query: ListNotesQuery },
		responses: { 200: jsonBody('One page of notes', NotePageJson), 401: badToken, 422: invalid }
	},
	createNote: {
		operationId: 'createNote',
		tags: ['notes'],
		summary: 'Write a note; the caller is its first author',
		description: 'A note is a draft unless `status` is `published`. `[[Title]]` links are saved by id, so renaming keeps them.',
		security: requiredAuth,
		requestBody: { required: true, content: { 'application/json': { schema: CreateNoteRequest } } },
		responses: {
			201: {
				...jsonBody('Created; `Location` is its API URL', NoteJson),
				headers: z.object({ location: z.url().describe('API URL of the new note') })
			},
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: problem('A community the caller is not a member of (`errors.communityId`)'),
			415: unsupported,
			422: invalid
		}
	},
	updateNote: {
		operationId: 'updateNote',
		tags: ['notes'],
		summary: 'Edit a note (a new revision), publish or unpublish it',
		description:
			'Send `baseRevisionId`, the `revisionId` of the note you started from. If someone saved since, nothing is written: ' +
			'409 with `currentRevisionId`; fetch the note, merge, and send again.',
		security: requiredAuth,
		requestParams: { path: z.object({ id: z.string().max(64).describe('Note id') }) },
		requestBody: { required: true, content: { 'application/json': { schema: UpdateNoteRequest } } },
		responses: {
			200: jsonBody('The note as saved', NoteJson),
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: problem('The caller may read the note but is not one of its authors'),
			404: problem('No such note, or hidden from the caller'),
			409: problem('The note changed since `baseRevisionId`; carries `currentRevisionId`'),
			415: unsupported,
			422: invalid
		}
	},
	deleteNote: {
		operationId: 'deleteNote',
		tags: ['notes'],
		summary: 'Delete a note (admins can restore it)',
		security: requiredAuth,
		requestParams: { path: z.object({ id: z.string().max(64).describe('Note id') }) },
		responses: {
			204: { description: 'Deleted' },
			401: unauthorized,
			403: problem('The caller may read the note but is not one of its authors'),
			404: problem('No such note, or hidden from the caller')
		}
	},
	listNoteAuthors: {
		operationId: 'listNoteAuthors',
		tags: ['notes'],
		summary: 'Authors in byline order, and (for its authors) pending invitations',
		security: optionalAuth,
		requestParams: { path: z.object({ id: z.string().max(64).describe('Note id') }) },
		responses: {
			200: jsonBody('Authors', NoteAuthorsJson),
			401: badToken,
			404: problem('No such note, or hidden from the caller')
		}
	},
	inviteNoteAuthor: {
		operationId: 'inviteNoteAuthor',
		tags: ['notes'],
		summary: 'Invite a co-author; they join the byline once they accept',
		security: requiredAuth,
		requestParams: { path: z.object({ id: z.string().max(64).describe('Note id') }) },
		requestBody: { required: true, content: { 'application/json': { schema: InviteAuthorInput } } },
		responses: {
			200: jsonBody('Authors and invitations', NoteAuthorsJson),
			401: unauthorized,
			403: problem('The caller is not one of its authors'),
			404: problem('No such note, or hidden from the caller'),
			409: problem('Already an author or invited'),
			415: unsupported,
			422: problem('No one has this handle (`errors.handle`)')
		}
	},
	removeNoteAuthor: {
		operationId: 'removeNoteAuthor',
		tags: ['notes'],
		summary: 'Remove a co-author or withdraw an invitation',
		security: requiredAuth,
		requestParams: { path: z.object({ id: z.string().max(64).describe('Note id'), handle: z.string().max(40) }) },
		responses: {
			204: { description: 'Removed' },
			401: unauthorized,
			403: problem('The caller is not one of its authors'),
			404: problem('No such note or author'),
			409: problem('The last author stays')
		}
	},
	answerNoteInvitation: {
		operationId: 'answerNoteInvitation',
		tags: ['notes'],
		summary: 'Accept or decline an invitation to co-author a note',
		security: requiredAuth,
		requestParams: { path: z.object({ id: z.string().max(64).describe('Note id') }) },
		requestBody: { required: true, content: { 'application/json': { schema: AnswerInvitationInput } } },
		responses: {
			204: { description: 'Done' },
			401: unauthorized,
			404: problem('No invitation for the caller on this note'),
			415: unsupported,
			422: invalid
		}
	},
	getNote: {
		operationId: 'getNote',
		tags: ['notes'],
		summary: 'A note the caller may see',
		security: optionalAuth,
		requestParams: { path: z.object({ id: z.string().max(64).describe('Short note id') }) },
		responses: { 200: jsonBody('The note', NoteJson), 401: badToken, 404: problem('No such note, or hidden from the caller') }
	},
	citeNote: {
		operationId: 'citeNote',
		tags: ['notes'],
		summary: 'The citation of a note, consulted today',
		description: 'APA 7, MLA 9 and Chicago 17 as plain text; BibTeX, RIS and CSL-JSON with their own media types.',
		security: optionalAuth,
		requestParams: { path: z.object({ id: z.string().max(64).describe('Note id') }), query: CiteQuery },
		responses: {
			200: {
				description: 'The citation',
				content: {
					'text/plain': { schema: z.string() },
					'application/x-bibtex': { schema: z.string() },
					'application/x-research-info-systems': { schema: z.string() },
					'application/vnd.citationstyles.csl+json': { schema: z.string() }
				}
			},
			401: badToken,
			404: problem('No such note, or hidden from the caller'),
			422: problem('Unknown format or language')
		}
	},
	listNoteRevisions: {
		operationId: 'listNoteRevisions',
		tags: ['notes'],
		summary: 'The revisions of a note, newest first',
		security: optionalAuth,
		requestParams: { path: z.object({ id: z.string().max(64).describe('Note id') }) },
		responses: {
			200: jsonBody('The revisions', z.object({ items: z.array(RevisionJson) })),
			401: badToken,
			404: problem('No such note, or hidden from the caller')
		}
	},
	listNoteAttachments: {
		operationId: 'listNoteAttachments',
		tags: ['attachments'],
		summary: 'The files a note carries, oldest first',
		security: optionalAuth,
		requestParams: { path: noteIdParam },
		responses: {
			200: jsonBody('The attachments', z.object({ items: z.array(AttachmentJson) })),
			401: badToken,
			404: problem('No such note, or hidden from the caller')
		}
	},
	uploadNoteAttachment: {
		operationId: 'uploadNoteAttachment',
		tags: ['attachments'],
		summary: 'Attach a file to a note (its authors)',
		description:
			'Pictures (JPEG, PNG, GIF, WebP, AVIF), PDF, Word, Excel, PowerPoint and OpenDocument files, audio (MP3, Ogg, Opus, M4A, AAC, WAV, ' +
			'FLAC) and video (MP4, WebM, Ogg), at most 25 MiB. The type is read from the bytes; pictures lose their metadata (GPS ' +
			'position, camera). Send `multipart/form-data` with `file` and `alt` (a browser with its session must send it from this ' +
			'origin), or the file itself as the body with `Content-Type: application/octet-stream` and `?filename=` (scripts). ' +
			'Insert the returned `markdown` into the body to show the file.',
		security: requiredAuth,
		requestParams: { path: noteIdParam, query: RawUploadQuery.partial() },
		requestBody: {
			required: true,
			content: {
				'multipart/form-data': {
					schema: z.object({
						file: z.string().meta({ format: 'binary' }).describe('The file'),
						alt: z.string().max(500).optional().describe('Text alternative of an image')
					})
				},
				'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) }
			}
		},
		responses: {
			201: {
				...jsonBody('Attached; `Location` is its API URL', AttachmentJson),
				headers: z.object({ location: z.url().describe('API URL of the attachment') })
			},
			400: problem('The multipart body is broken'),
			401: unauthorized,
			403: problem('The caller sees the note but is not one of its authors, or a cross-site upload'),
			404: problem('No such note, or hidden from the caller'),
			413: problem('The file is over 25 MiB; `maxBytes` and, when known, `size` give both in bytes'),
			415: problem(
				'A file of a type notes do not carry (`errors.file`: `file_type_refused`; `accepted` lists the media types), or a form type other than multipart'
			),
			422: problem('No file, an empty or unreadable one, or an alt text over 500 characters (`errors.file`, `errors.alt`)')
		}
	},
	updateNoteAttachment: {
		operationId: 'updateNoteAttachment',
		tags: ['attachments'],
		summary: 'Change the alt text of an attachment (the note’s authors)',
		security: requiredAuth,
		requestParams: { path: attachmentParams },
		requestBody: { required: true, content: { 'application/json': { schema: UpdateAttachmentInput } } },
		responses: {
			200: jsonBody('The attachment as saved', AttachmentJson),
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: problem('The caller sees the note but is not one of its authors'),
			404: problem('No such note or attachment, or hidden from the caller'),
			415: unsupported,
			422: invalid
		}
	},
	deleteNoteAttachment: {
		operationId: 'deleteNoteAttachment',
		tags: ['attachments'],
		summary: 'Delete an attachment and its file (the note’s authors)',
		description: 'Send `Content-Type: application/json`; no body is needed. Links to the file in the body then lead nowhere.',
		security: requiredAuth,
		requestParams: { path: attachmentParams },
		responses: {
			204: { description: 'Deleted' },
			401: unauthorized,
			403: problem('The caller sees the note but is not one of its authors'),
			404: problem('No such note or attachment, or hidden from the caller'),
			415: unsupported
		}
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

export const notePaths = {
	'/api/v1/notes': { get: noteOperations.listNotes, post: noteOperations.createNote },
	'/api/v1/notes/{id}': { get: noteOperations.getNote, patch: noteOperations.updateNote, delete: noteOperations.deleteNote },
	'/api/v1/notes/{id}/authors': { get: noteOperations.listNoteAuthors, post: noteOperations.inviteNoteAuthor },
	'/api/v1/notes/{id}/authors/{handle}': { delete: noteOperations.removeNoteAuthor },
	'/api/v1/notes/{id}/invitation': { put: noteOperations.answerNoteInvitation },
	'/api/v1/notes/{id}/cite': { get: noteOperations.citeNote },
	'/api/v1/notes/{id}/revisions': { get: noteOperations.listNoteRevisions },
	'/api/v1/notes/{id}/attachments': { get: noteOperations.listNoteAttachments, post: noteOperations.uploadNoteAttachment },
	'/api/v1/notes/{id}/attachments/{attachmentId}': {
		patch: noteOperations.updateNoteAttachment,
		delete: noteOperations.deleteNoteAttachment
	}
} satisfies ZodOpenApiPathsObject;
