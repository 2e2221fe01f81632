// OpenAPI 3.1 description of /api/v1, generated from the Zod schemas the handlers parse with and the
// presenters return, so the document cannot promise what the code does not do. Served at /api/v1/openapi.json.
// Each capability's operations and paths live beside this file (openapi-notes.ts, openapi-notebooks.ts).
import { z } from 'zod';
import { createDocument, type CreateDocumentOptions, type ZodOpenApiOperationObject } from 'zod-openapi';
import { MeJson } from '../accounts/schemas.ts';
import {
	CommunityJson,
	CommunityPageJson,
	CreateCommunityInput,
	ListCommunitiesQuery,
	MembershipJson,
	UpdateCommunityInput
} from '../communities/schemas.ts';
import { ProfileJson } from '../profiles/schemas.ts';
import { DirectoryPageJson, DirectoryQuery, GlossaryJson, GlossaryQuery } from '../glossary/schemas.ts';
import {
	ApiIndexJson,
	problem,
	jsonBody,
	unauthorized,
	badToken,
	unsupported,
	invalid,
	optionalAuth,
	requiredAuth
} from './openapi-parts.ts';
import { notebookPaths } from './openapi-notebooks.ts';
import { notebookMemberPaths } from './openapi-notebook-members.ts';
import { notePaths } from './openapi-notes.ts';
import { searchPaths, searchTag } from './openapi-search.ts';
import { conversationPaths, conversationsTag } from './openapi-conversations.ts';
import { eventPaths, eventsTag } from './openapi-events.ts';
import { discussionPaths, discussionsTag } from './openapi-discussions.ts';
import { notificationPaths, notificationsTag } from './openapi-notifications.ts';
import { noteThreadPaths } from './openapi-note-threads.ts';

export { ApiIndexJson, ProblemJson } from './openapi-parts.ts';

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
	updateCommunity: {
		operationId: 'updateCommunity',
		tags: ['communities'],
		summary: 'Change a community’s name, description, kind or region (its hosts and admins)',
		description:
			'Send only the fields to change, with `baseVersion`: the `version` of the community the edit started from. If ' +
			'someone saved it since, nothing is written and the answer is 409 (`errors._`: `community_edit_conflict`), ' +
			'with the `currentVersion`. A territorial community must keep a region (`errors.region`: ' +
			'`community_region_required`); a thematic one has none. The slug and the visibility are not editable: naming ' +
			'either answers 422 (`errors._`: `community_not_editable`).',
		security: requiredAuth,
		requestParams: { path: slugParam },
		requestBody: { required: true, content: { 'application/json': { schema: UpdateCommunityInput } } },
		responses: {
			200: jsonBody('The community as saved', CommunityJson),
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: problem('The caller sees the community but is not one of its hosts'),
			404: problem('No such community, or hidden from the caller'),
			409: problem('Saved by someone else since `baseVersion` (`community_edit_conflict`); `currentVersion` is the version now'),
			415: unsupported,
			422: invalid
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
				{ name: 'attachments', description: 'Files carried by notes; served at `/files/{id}/{name}` to whoever may see the note' },
				searchTag,
				eventsTag,
				conversationsTag,
				discussionsTag,
				notificationsTag
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
				'/api/v1/communities/{slug}': { get: operations.getCommunity, patch: operations.updateCommunity },
				'/api/v1/communities/{slug}/membership': { post: operations.joinCommunity, delete: operations.leaveCommunity },
				'/api/v1/profiles/{handle}': { get: operations.getProfile },
				'/api/v1/glossary': { get: operations.listGlossary },
				'/api/v1/directory': { get: operations.listDirectory },
				...notePaths,
				...notebookPaths,
				...notebookMemberPaths,
				...searchPaths,
				...eventPaths,
				...conversationPaths,
				...discussionPaths,
				...notificationPaths,
				...noteThreadPaths
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
