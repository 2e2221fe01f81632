// The notebooks part of the OpenAPI document: notebooks, Markdown import and knowledge bases.
import { z } from 'zod';
import {
	CategoryInput,
	CreateNotebookInput,
	IncludeNoteInput,
	ListNotebookNotesQuery,
	NotebookJson,
	NotebookNoteJson,
	UpdateCategoryInput,
	UpdateNotebookInput
} from '../notebooks/schemas.ts';
import {
	AddKnowledgeBaseNotebookInput,
	CreateKnowledgeBaseInput,
	KnowledgeBaseJson,
	KnowledgeBaseNoteJson,
	KnowledgeBasePageJson,
	ListKnowledgeBasesQuery,
	SearchKnowledgeBaseQuery
} from '../knowledge-bases/schemas.ts';
import { RawUploadQuery } from '../attachments/schemas.ts';
import { ImportQuery, ImportReportJson } from '../exchange/schemas.ts';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { problem, jsonBody, unauthorized, badToken, unsupported, invalid, optionalAuth, requiredAuth } from './openapi-parts.ts';

const notebookParam = z.object({ id: z.string().max(64).describe('Notebook id') });
const categoryParam = notebookParam.extend({ categoryId: z.string().max(64).describe('Category id') });

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
	listKnowledgeBases: {
		operationId: 'listKnowledgeBases',
		tags: ['knowledge-bases'],
		summary: 'Knowledge bases the caller may see, by title, with the count of their notebooks the caller may see',
		description: 'Follow `next` with `?cursor=` for more.',
		security: optionalAuth,
		requestParams: { query: ListKnowledgeBasesQuery },
		responses: { 200: jsonBody('One page of knowledge bases', KnowledgeBasePageJson), 401: badToken, 422: invalid }
	},
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

const notebookOperations = {
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
	updateNotebook: {
		operationId: 'updateNotebook',
		tags: ['notebooks'],
		summary: 'Change a notebook’s title, description, visibility, community, category lists, guide or table of contents',
		description:
			'Only the fields sent change, with `baseVersion`: the `version` of the notebook the edit started from. If it ' +
			'changed since (another save, its cover, its lists), nothing is written and the answer is 409 (`errors._`: ' +
			'`notebook_edit_conflict`), with the `currentVersion`. Managers only (and admins, for moderation).',
		security: requiredAuth,
		requestParams: { path: notebookParam },
		requestBody: { required: true, content: { 'application/json': { schema: UpdateNotebookInput } } },
		responses: {
			200: jsonBody('The notebook as it now is', NotebookJson),
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: problem('The caller sees the notebook but does not manage it, or picked a community they are not a member of'),
			404: problem('No such notebook, or hidden from the caller'),
			409: problem('Changed since `baseVersion` (`notebook_edit_conflict`); `currentVersion` is the version now'),
			415: unsupported,
			422: invalid
		}
	},
	deleteNotebook: {
		operationId: 'deleteNotebook',
		tags: ['notebooks'],
		summary: 'Delete a notebook; its notes stay. It then answers 404 to everyone but admins',
		security: requiredAuth,
		requestParams: { path: notebookParam },
		responses: {
			204: { description: 'Deleted' },
			401: unauthorized,
			403: problem('The caller sees the notebook but does not manage it'),
			404: problem('No such notebook, or hidden from the caller'),
			415: unsupported
		}
	},
	setNotebookCover: {
		operationId: 'setNotebookCover',
		tags: ['notebooks'],
		summary: 'Set the notebook’s cover picture and its alt text (managers)',
		description:
			'JPEG, PNG, GIF, WebP or AVIF, at most 10 MiB; the type is read from the bytes, and the picture is re-encoded as WebP at ' +
			'most 1600 px wide without its metadata. Send `multipart/form-data` with `file` and `alt` (a browser with its session ' +
			'must send it from this origin), or the picture itself as the body with `Content-Type: application/octet-stream` and `?filename=&alt=` (scripts).',
		security: requiredAuth,
		requestParams: { path: notebookParam, query: RawUploadQuery.partial() },
		requestBody: {
			required: true,
			content: {
				'multipart/form-data': {
					schema: z.object({
						file: z.string().meta({ format: 'binary' }).describe('The picture'),
						alt: z.string().min(1).max(500).describe('Text alternative of the cover')
					})
				},
				'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) }
			}
		},
		responses: {
			200: jsonBody('The notebook, whose `cover.url` serves the new picture', NotebookJson),
			400: problem('The multipart body is broken'),
			401: unauthorized,
			403: problem('The caller sees the notebook but does not manage it, or a cross-site upload'),
			404: problem('No such notebook, or hidden from the caller'),
			413: problem('The picture is over 10 MiB'),
			415: problem('Not a picture of an accepted type, or a form type other than multipart'),
			422: problem('No file, an empty or unreadable one, or no alt text (`errors.coverAlt`)')
		}
	},
	removeNotebookCover: {
		operationId: 'removeNotebookCover',
		tags: ['notebooks'],
		summary: 'Remove the notebook’s cover picture (managers)',
		security: requiredAuth,
		requestParams: { path: notebookParam },
		responses: {
			204: { description: 'Removed, or there was none' },
			401: unauthorized,
			403: problem('The caller sees the notebook but does not manage it'),
			404: problem('No such notebook, or hidden from the caller')
		}
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
	updateNotebookCategory: {
		operationId: 'updateNotebookCategory',
		tags: ['notebooks'],
		summary: 'Rename a category, move it one place up or down in its list, or both',
		security: requiredAuth,
		requestParams: { path: categoryParam },
		requestBody: { required: true, content: { 'application/json': { schema: UpdateCategoryInput } } },
		responses: {
			204: { description: 'Changed' },
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: problem('Only managers curate a notebook'),
			404: problem('No such notebook or category, or hidden from the caller'),
			415: unsupported,
			422: invalid
		}
	},
	deleteNotebookCategory: {
		operationId: 'deleteNotebookCategory',
		tags: ['notebooks'],
		summary: 'Delete a category; its notes stay in the notebook, uncategorised in that list',
		security: requiredAuth,
		requestParams: { path: categoryParam },
		responses: {
			204: { description: 'Deleted' },
			401: unauthorized,
			403: problem('Only managers curate a notebook'),
			404: problem('No such notebook or category, or hidden from the caller'),
			415: unsupported
		}
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

export const notebookPaths = {
	'/api/v1/notebooks': { post: notebookOperations.createNotebook },
	'/api/v1/notebooks/{id}/cover': { put: notebookOperations.setNotebookCover, delete: notebookOperations.removeNotebookCover },
	'/api/v1/notebooks/{id}': {
		get: notebookOperations.getNotebook,
		patch: notebookOperations.updateNotebook,
		delete: notebookOperations.deleteNotebook
	},
	'/api/v1/notebooks/{id}/notes': { get: notebookOperations.listNotebookNotes, post: notebookOperations.includeNote },
	'/api/v1/notebooks/{id}/notes/{noteId}': { delete: notebookOperations.removeNotebookNote },
	'/api/v1/notebooks/{id}/graph': { get: notebookOperations.getNotebookGraph },
	'/api/v1/notebooks/{id}/categories': { post: notebookOperations.addNotebookCategory },
	'/api/v1/notebooks/{id}/categories/{categoryId}': {
		patch: notebookOperations.updateNotebookCategory,
		delete: notebookOperations.deleteNotebookCategory
	},
	'/api/v1/import': { post: importOperation },
	'/api/v1/knowledge-bases': { get: knowledgeBaseOperations.listKnowledgeBases, post: knowledgeBaseOperations.createKnowledgeBase },
	'/api/v1/knowledge-bases/{id}': { get: knowledgeBaseOperations.getKnowledgeBase },
	'/api/v1/knowledge-bases/{id}/notebooks': { post: knowledgeBaseOperations.addKnowledgeBaseNotebook },
	'/api/v1/knowledge-bases/{id}/notebooks/{notebookId}': { delete: knowledgeBaseOperations.removeKnowledgeBaseNotebook },
	'/api/v1/knowledge-bases/{id}/search': { get: knowledgeBaseOperations.searchKnowledgeBase }
} satisfies ZodOpenApiPathsObject;
