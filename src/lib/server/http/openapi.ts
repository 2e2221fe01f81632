// OpenAPI 3.1 description of /api/v1, generated from the Zod schemas the handlers parse with and the
// presenters return, so the document cannot promise what the code does not do. Served at /api/v1/openapi.json.
import { z } from 'zod';
import { createDocument, type CreateDocumentOptions, type ZodOpenApiOperationObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { MeJson } from '../accounts/schemas.ts';
import { CommunityJson, CommunityPageJson, CreateCommunityInput, ListCommunitiesQuery, MembershipJson } from '../communities/schemas.ts';
import { ProfileJson } from '../profiles/schemas.ts';
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
import { DirectoryPageJson, DirectoryQuery, GlossaryJson, GlossaryQuery } from '../glossary/schemas.ts';
import {
	CategoryInput,
	CreateNotebookInput,
	IncludeNoteInput,
	ListNotebookNotesQuery,
	NotebookJson,
	NotebookNoteJson
} from '../notebooks/schemas.ts';
import {
	AddKnowledgeBaseNotebookInput,
	CreateKnowledgeBaseInput,
	KnowledgeBaseJson,
	KnowledgeBaseNoteJson,
	SearchKnowledgeBaseQuery
} from '../knowledge-bases/schemas.ts';
import { ImportQuery, ImportReportJson } from '../exchange/schemas.ts';

/** RFC 9457 problem details, as problem.ts builds them. */
export const ProblemJson = z
	.object({
		type: z.string().describe('Identifies the kind of problem, e.g. /problems/not-found (not translated)'),
		title: z.string().describe('Short summary of the kind of problem, in the language of the request'),
		status: z.number().int().describe('HTTP status code'),
		detail: z.string().optional().describe('What went wrong this time (English)'),
		instance: z.string().optional().describe('Path of the request'),
		errors: z
			.record(z.string(), z.array(z.string()))
			.optional()
			.describe('Error codes per field (dotted path; `_` for the whole request), on 409 and 422')
	})
	.meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const ApiIndexJson = z
	.object({
		name: z.string().describe('Name of the API'),
		version: z.string().describe('Major version, part of every path'),
		links: z.record(z.string(), z.string()).describe('Absolute URLs (templates in braces) of the main resources')
	})
	.meta({ id: 'ApiIndex', description: 'Where to start' });
export type ApiIndexJson = z.infer<typeof ApiIndexJson>;

const problem = (description: string): ZodOpenApiResponseObject => ({
	description,
	content: { 'application/problem+json': { schema: ProblemJson } }
});
const jsonBody = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
	description,
	content: { 'application/json': { schema } }
});

const unauthorized = problem('No session and no token, or an unknown or revoked token; carries `WWW-Authenticate: Bearer`');
// Reads work anonymously, but a bearer token that is sent must be valid: it is never silently ignored.
const badToken = problem('An unknown or revoked bearer token; carries `WWW-Authenticate: Bearer`');
const unsupported = problem('A write without `Content-Type: application/json`');
const invalid = problem('Validation failed; `errors` maps each field to its error codes');

// Reading works anonymously; a session or a token shows what that account may see (DESIGN §6).
type Security = Record<string, string[]>[];
const optionalAuth: Security = [{}, { bearer: [] }, { session: [] }];
const requiredAuth: Security = [{ bearer: [] }, { session: [] }];

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

const notebookParam = z.object({ id: z.string().max(64).describe('Notebook id') });

const kbParam = z.object({ id: z.string().max(64).describe('Knowledge base id') });
const kbHidden = problem('No such knowledge base, or hidden from the caller');

// Markdown import (issue 4, ADR 7): what `npm run import` sends when the app holds the embedded database.
const importOperation = {
	operationId: 'importMarkdown',
	tags: ['notebooks'],
	summary: 'Import a zip of Markdown files (front matter, [[wiki links]]) as notes of the caller',
	description:
		'Send the zip as the body with `Content-Type: application/zip`. Known ids the caller may edit get a new revision; a bad ' +
		'file is reported in `skipped` while the rest is imported. At most 5,000 files and 100 MiB uncompressed.',
	security: requiredAuth,
	requestParams: { query: ImportQuery },
	requestBody: { required: true, content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } } },
	responses: {
		200: jsonBody('The report', ImportReportJson),
		401: unauthorized,
		404: problem('No such notebook (`notebookId`), or hidden from the caller'),
		415: problem('A body that is not `application/zip`'),
		422: problem('Not a zip, or too large (`errors.file`)')
	}
};

// Knowledge bases (issue 4): a set of notebooks, read and searched as one through the caller's visibility.
const knowledgeBaseOperations = {
	createKnowledgeBase: {
		operationId: 'createKnowledgeBase',
		tags: ['knowledge-bases'],
		summary: 'Start a knowledge base; the caller becomes its first manager',
		security: requiredAuth,
		requestBody: { required: true, content: { 'application/json': { schema: CreateKnowledgeBaseInput } } },
		responses: {
			201: { ...jsonBody('Created; `Location` is its API URL', KnowledgeBaseJson), headers: z.object({ location: z.url() }) },
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: problem('A community the caller is not a member of (`errors.communityId`)'),
			415: unsupported,
			422: invalid
		}
	},
	getKnowledgeBase: {
		operationId: 'getKnowledgeBase',
		tags: ['knowledge-bases'],
		summary: 'A knowledge base with the notebooks the caller may see and the counts of notes the caller may see',
		security: optionalAuth,
		requestParams: { path: kbParam },
		responses: { 200: jsonBody('The knowledge base', KnowledgeBaseJson), 401: badToken, 404: kbHidden }
	},
	addKnowledgeBaseNotebook: {
		operationId: 'addKnowledgeBaseNotebook',
		tags: ['knowledge-bases'],
		summary: 'Add a notebook the caller may see (managers of the knowledge base)',
		security: requiredAuth,
		requestParams: { path: kbParam },
		requestBody: { required: true, content: { 'application/json': { schema: AddKnowledgeBaseNotebookInput } } },
		responses: {
			204: { description: 'Added' },
			401: unauthorized,
			403: problem('The caller does not manage this knowledge base'),
			404: problem('No such knowledge base or notebook, or hidden from the caller'),
			409: problem('Already in the knowledge base'),
			415: unsupported,
			422: invalid
		}
	},
	removeKnowledgeBaseNotebook: {
		operationId: 'removeKnowledgeBaseNotebook',
		tags: ['knowledge-bases'],
		summary: 'Take a notebook out of a knowledge base (the notebook stays)',
		security: requiredAuth,
		requestParams: { path: kbParam.extend({ notebookId: z.string().max(64) }) },
		responses: {
			204: { description: 'Removed' },
			401: unauthorized,
			403: problem('The caller does not manage this knowledge base'),
			404: problem('No such knowledge base, or the notebook is not in it')
		}
	},
	searchKnowledgeBase: {
		operationId: 'searchKnowledgeBase',
		tags: ['knowledge-bases'],
		summary: 'Notes across its notebooks whose title or summary contains `q`, each once, among those the caller may see',
		security: optionalAuth,
		requestParams: { path: kbParam, query: SearchKnowledgeBaseQuery },
		responses: {
			200: jsonBody(
				'One page of notes, by title',
				z.object({ items: z.array(KnowledgeBaseNoteJson), next: z.string().nullable() }).meta({ id: 'KnowledgeBaseNotePage' })
			),
			401: badToken,
			404: kbHidden,
			422: invalid
		}
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

const slugParam = z.object({ slug: z.string().max(60).describe('Community slug (case-insensitive)') });

const operations = {
	index: {
		operationId: 'getApiIndex',
		tags: ['meta'],
		summary: 'Links to the main resources',
		security: optionalAuth,
		responses: { 200: jsonBody('Links', ApiIndexJson), 401: badToken }
	},
	openapi: {
		operationId: 'getOpenApiDocument',
		tags: ['meta'],
		summary: 'This document',
		security: optionalAuth,
		responses: {
			200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: z.object({ openapi: z.string() }).loose() } } },
			401: badToken
		}
	},
	me: {
		operationId: 'getMe',
		tags: ['accounts'],
		summary: 'The account of the session or token',
		security: requiredAuth,
		responses: { 200: jsonBody('The caller’s account', MeJson), 401: unauthorized }
	},
	listCommunities: {
		operationId: 'listCommunities',
		tags: ['communities'],
		summary: 'Communities the caller may know of, by name',
		description: 'Secret communities appear only to their members, invitees and admins. Follow `next` with `?cursor=` for more.',
		security: optionalAuth,
		requestParams: { query: ListCommunitiesQuery },
		responses: { 200: jsonBody('One page of communities', CommunityPageJson), 401: badToken, 422: invalid }
	},
	createCommunity: {
		operationId: 'createCommunity',
		tags: ['communities'],
		summary: 'Start a community; the caller becomes its first host',
		security: requiredAuth,
		requestBody: { required: true, content: { 'application/json': { schema: CreateCommunityInput } } },
		responses: {
			201: {
				...jsonBody('Created; `Location` is its API URL', CommunityJson),
				headers: z.object({ location: z.url().describe('API URL of the new community') })
			},
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			409: problem('The slug is taken (`errors.slug`)'),
			415: unsupported,
			422: invalid
		}
	},
	getCommunity: {
		operationId: 'getCommunity',
		tags: ['communities'],
		summary: 'A community as the caller may see it',
		description:
			'Members are listed only to those allowed to see them. A secret community answers 404 to whoever is neither member nor invitee.',
		security: optionalAuth,
		requestParams: { path: slugParam },
		responses: {
			200: jsonBody('The community', CommunityJson),
			401: badToken,
			404: problem('No such community, or hidden from the caller')
		}
	},
	joinCommunity: {
		operationId: 'joinCommunity',
		tags: ['communities'],
		summary: 'Join a public community, ask to join a closed one, or accept an invitation',
		description: 'Send `Content-Type: application/json`; the body may be empty.',
		security: requiredAuth,
		requestParams: { path: slugParam },
		responses: {
			200: jsonBody('The resulting membership: `active`, or `pending` until a host decides', MembershipJson),
			401: unauthorized,
			404: problem('No such community, or hidden from the caller'),
			409: problem('Already a member, or a request is already pending'),
			415: unsupported
		}
	},
	leaveCommunity: {
		operationId: 'leaveCommunity',
		tags: ['communities'],
		summary: 'Leave, withdraw a request, or decline an invitation',
		description: 'Send `Content-Type: application/json`; no body is needed.',
		security: requiredAuth,
		requestParams: { path: slugParam },
		responses: {
			204: { description: 'Done' },
			401: unauthorized,
			404: problem('No such community, or hidden from the caller'),
			409: problem('Not a member, or the last host (hand over first)'),
			415: unsupported
		}
	},
	getProfile: {
		operationId: 'getProfile',
		tags: ['profiles'],
		summary: 'A public profile',
		security: optionalAuth,
		requestParams: { path: z.object({ handle: z.string().max(30).describe('Handle (case-insensitive)') }) },
		responses: { 200: jsonBody('The profile', ProfileJson), 401: badToken, 404: problem('No such profile') }
	},
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
	createNotebook: {
		operationId: 'createNotebook',
		tags: ['notebooks'],
		summary: 'Start a notebook; the caller becomes its first manager',
		security: requiredAuth,
		requestBody: { required: true, content: { 'application/json': { schema: CreateNotebookInput } } },
		responses: {
			201: { ...jsonBody('Created; `Location` is its API URL', NotebookJson), headers: z.object({ location: z.url() }) },
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: problem('A community the caller is not a member of (`errors.communityId`)'),
			415: unsupported,
			422: invalid
		}
	},
	getNotebook: {
		operationId: 'getNotebook',
		tags: ['notebooks'],
		summary: 'A notebook, its categories and the count of notes the caller may see',
		security: optionalAuth,
		requestParams: { path: notebookParam },
		responses: { 200: jsonBody('The notebook', NotebookJson), 401: badToken, 404: problem('No such notebook, or hidden from the caller') }
	},
	listNotebookNotes: {
		operationId: 'listNotebookNotes',
		tags: ['notebooks'],
		summary: 'The notes of a notebook the caller may see, filtered and sorted',
		security: optionalAuth,
		requestParams: { path: notebookParam, query: ListNotebookNotesQuery },
		responses: {
			200: jsonBody(
				'One page of notes',
				z.object({ items: z.array(NotebookNoteJson), next: z.string().nullable() }).meta({ id: 'NotebookNotePage' })
			),
			401: badToken,
			404: problem('No such notebook, or hidden from the caller'),
			422: invalid
		}
	},
	getNotebookGraph: {
		operationId: 'getNotebookGraph',
		tags: ['notebooks'],
		summary: 'The notebook’s notes the caller may see and the links between them',
		security: optionalAuth,
		requestParams: { path: notebookParam },
		responses: {
			200: jsonBody(
				'Nodes and links',
				z
					.object({
						nodes: z.array(z.object({ id: z.string(), title: z.string(), type: z.string(), category: z.string().nullable() })),
						links: z.array(z.object({ source: z.string(), target: z.string() }))
					})
					.meta({ id: 'NotebookGraph' })
			),
			401: badToken,
			404: problem('No such notebook, or hidden from the caller')
		}
	},
	includeNote: {
		operationId: 'includeNote',
		tags: ['notebooks'],
		summary: 'Include a note the caller may see, optionally in categories (one per list)',
		security: requiredAuth,
		requestParams: { path: notebookParam },
		requestBody: { required: true, content: { 'application/json': { schema: IncludeNoteInput } } },
		responses: {
			204: { description: 'Included' },
			401: unauthorized,
			403: problem('The caller may not contribute to this notebook'),
			404: problem('No such notebook or note, or hidden from the caller'),
			409: problem('Already in the notebook'),
			415: unsupported,
			422: invalid
		}
	},
	removeNotebookNote: {
		operationId: 'removeNotebookNote',
		tags: ['notebooks'],
		summary: 'Take a note out of a notebook (the note stays)',
		security: requiredAuth,
		requestParams: { path: notebookParam.extend({ noteId: z.string().max(64) }) },
		responses: {
			204: { description: 'Removed' },
			401: unauthorized,
			403: problem('The caller may not contribute to this notebook'),
			404: problem('No such notebook, or the note is not in it')
		}
	},
	addNotebookCategory: {
		operationId: 'addNotebookCategory',
		tags: ['notebooks'],
		summary: 'Add a category at the end of one of the notebook’s lists',
		security: requiredAuth,
		requestParams: { path: notebookParam },
		requestBody: { required: true, content: { 'application/json': { schema: CategoryInput } } },
		responses: {
			201: jsonBody('Created', z.object({ id: z.string() })),
			401: unauthorized,
			403: problem('Only managers curate a notebook'),
			404: problem('No such notebook, or hidden from the caller'),
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
	},
	listGlossary: {
		operationId: 'listGlossary',
		tags: ['glossary'],
		summary: 'Lexicon terms the caller may see, A to Z',
		description:
			'Terms by letter (accents aside: É is under E; # holds the titles that start with anything but A–Z), then ' +
			'alphabetically. `letters` names the letters that hold a term, for a navigation. At most 1,000 terms per answer: ' +
			'when `complete` is false, ask one `letter` at a time.',
		security: optionalAuth,
		requestParams: { query: GlossaryQuery },
		responses: { 200: jsonBody('The terms', GlossaryJson), 401: badToken, 422: invalid }
	},
	listDirectory: {
		operationId: 'listDirectory',
		tags: ['glossary'],
		summary: 'Organisations the caller may see, by name',
		description:
			'Filter by `region` and `sector` (accents and case aside; `facets` lists the values, with counts of what the caller ' +
			'may see) and by name with `q`. Follow `next` with `?cursor=` for more.',
		security: optionalAuth,
		requestParams: { query: DirectoryQuery },
		responses: { 200: jsonBody('One page of organisations', DirectoryPageJson), 401: badToken, 422: invalid }
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

// Zod spells out what JSON Schema already says: the ISO regex beside format date-time, and the safe-integer
// range on every int. Dropping them keeps the document readable for people and generators alike.
const tidy: CreateDocumentOptions['override'] = ({ jsonSchema }) => {
	if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
	if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
	if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
};

function buildDocument(publicUrl: string) {
	return createDocument(
		{
			openapi: '3.1.0',
			info: {
				title: 'Commonplace API',
				version: '1',
				description:
					'JSON API of a Commonplace instance. Errors are RFC 9457 problem details (`application/problem+json`). ' +
					'Lists use cursor pagination (`?cursor=&limit=`). Writes need `Content-Type: application/json` and a personal access token or a session.',
				license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' }
			},
			servers: [{ url: publicUrl }],
			tags: [
				{ name: 'meta', description: 'The API itself' },
				{ name: 'accounts', description: 'The caller’s account' },
				{ name: 'communities', description: 'Communities of practice and their members' },
				{ name: 'profiles', description: 'Public profiles' },
				{ name: 'glossary', description: 'The glossary (lexicon terms) and the directory (organisations): notes of those types' },
				{ name: 'notes', description: 'Notes' },
				{ name: 'notebooks', description: 'Notebooks (carnets): curated collections of notes' },
				{ name: 'knowledge-bases', description: 'Knowledge bases: sets of notebooks read and searched together' },
				{ name: 'attachments', description: 'Files carried by notes; served at `/files/{id}/{name}` to whoever may see the note' }
			],
			components: {
				securitySchemes: {
					bearer: { type: 'http', scheme: 'bearer', description: 'Personal access token (`cp_…`), made in the account settings' },
					session: {
						type: 'apiKey',
						in: 'cookie',
						name: 'better-auth.session_token',
						description: 'Browser session after signing in (`__Secure-better-auth.session_token` over https)'
					}
				}
			},
			paths: {
				'/api/v1': { get: operations.index },
				'/api/v1/openapi.json': { get: operations.openapi },
				'/api/v1/me': { get: operations.me },
				'/api/v1/communities': { get: operations.listCommunities, post: operations.createCommunity },
				'/api/v1/communities/{slug}': { get: operations.getCommunity },
				'/api/v1/communities/{slug}/membership': { post: operations.joinCommunity, delete: operations.leaveCommunity },
				'/api/v1/profiles/{handle}': { get: operations.getProfile },
				'/api/v1/glossary': { get: operations.listGlossary },
				'/api/v1/directory': { get: operations.listDirectory },
				'/api/v1/notes': { get: operations.listNotes, post: operations.createNote },
				'/api/v1/notebooks': { post: operations.createNotebook },
				'/api/v1/notebooks/{id}': { get: operations.getNotebook },
				'/api/v1/notebooks/{id}/notes': { get: operations.listNotebookNotes, post: operations.includeNote },
				'/api/v1/notebooks/{id}/notes/{noteId}': { delete: operations.removeNotebookNote },
				'/api/v1/notebooks/{id}/graph': { get: operations.getNotebookGraph },
				'/api/v1/notebooks/{id}/categories': { post: operations.addNotebookCategory },
				'/api/v1/import': { post: importOperation },
				'/api/v1/knowledge-bases': { post: knowledgeBaseOperations.createKnowledgeBase },
				'/api/v1/knowledge-bases/{id}': { get: knowledgeBaseOperations.getKnowledgeBase },
				'/api/v1/knowledge-bases/{id}/notebooks': { post: knowledgeBaseOperations.addKnowledgeBaseNotebook },
				'/api/v1/knowledge-bases/{id}/notebooks/{notebookId}': { delete: knowledgeBaseOperations.removeKnowledgeBaseNotebook },
				'/api/v1/knowledge-bases/{id}/search': { get: knowledgeBaseOperations.searchKnowledgeBase },
				'/api/v1/notes/{id}': { get: operations.getNote, patch: operations.updateNote, delete: operations.deleteNote },
				'/api/v1/notes/{id}/authors': { get: operations.listNoteAuthors, post: operations.inviteNoteAuthor },
				'/api/v1/notes/{id}/authors/{handle}': { delete: operations.removeNoteAuthor },
				'/api/v1/notes/{id}/invitation': { put: operations.answerNoteInvitation },
				'/api/v1/notes/{id}/cite': { get: operations.citeNote },
				'/api/v1/notes/{id}/revisions': { get: operations.listNoteRevisions },
				'/api/v1/notes/{id}/attachments': { get: operations.listNoteAttachments, post: operations.uploadNoteAttachment },
				'/api/v1/notes/{id}/attachments/{attachmentId}': {
					patch: operations.updateNoteAttachment,
					delete: operations.deleteNoteAttachment
				}
			}
		},
		{ override: tidy }
	);
}

const documents = new Map<string, ReturnType<typeof buildDocument>>();

/** The document for this instance's public URL, built once per process. */
export function openApiDocument(publicUrl: string) {
	let doc = documents.get(publicUrl);
	if (!doc) documents.set(publicUrl, (doc = buildDocument(publicUrl)));
	return doc;
}
