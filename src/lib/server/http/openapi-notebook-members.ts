// The members part of the OpenAPI document: managers and contributors of notebooks, the invitations that make
// them (issue 4), and the caller's own pending invitations.
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import {
	ChangeNotebookRoleInput,
	InviteNotebookMemberInput,
	MyInvitationsJson,
	NotebookInvitationJson,
	NotebookMemberJson,
	NotebookMembersJson
} from '../notebooks/member-schemas.ts';
import { problem, jsonBody, unauthorized, badToken, unsupported, invalid, optionalAuth, requiredAuth } from './openapi-parts.ts';

const notebookParam = z.object({ id: z.string().max(64).describe('Notebook id') });
const memberParam = notebookParam.extend({ handle: z.string().max(40).describe('Handle of the member or invitee (case-insensitive)') });
const hidden = problem('No such notebook, or hidden from the caller');
const notManager = problem('Only managers manage members');
const jsonWrite = 'Send `Content-Type: application/json`; no body is needed.';

const operations = {
	listNotebookMembers: {
		operationId: 'listNotebookMembers',
		tags: ['notebooks'],
		summary: 'Managers and contributors of a notebook the caller may see; managers also see pending invitations',
		security: optionalAuth,
		requestParams: { path: notebookParam },
		responses: { 200: jsonBody('The members', NotebookMembersJson), 401: badToken, 404: hidden }
	},
	inviteNotebookMember: {
		operationId: 'inviteNotebookMember',
		tags: ['notebooks'],
		summary: 'Invite a person by handle as contributor (default) or manager',
		description: 'The invitation grants nothing until the invitee accepts it (`POST /api/v1/notebooks/{id}/invitation`).',
		security: requiredAuth,
		requestParams: { path: notebookParam },
		requestBody: { required: true, content: { 'application/json': { schema: InviteNotebookMemberInput } } },
		responses: {
			201: { ...jsonBody('Invited', NotebookInvitationJson), headers: z.object({ location: z.url().describe('The members list') }) },
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: notManager,
			404: hidden,
			409: problem('Already a member (`notebook_member_already`) or already invited (`notebook_invitation_already`)'),
			415: unsupported,
			422: problem('Validation failed, or no one has this handle (`errors.handle`: `author_not_found`)')
		}
	},
	changeNotebookMemberRole: {
		operationId: 'changeNotebookMemberRole',
		tags: ['notebooks'],
		summary: 'Make a contributor a manager, or a manager a contributor',
		security: requiredAuth,
		requestParams: { path: memberParam },
		requestBody: { required: true, content: { 'application/json': { schema: ChangeNotebookRoleInput } } },
		responses: {
			204: { description: 'Changed' },
			400: problem('The body is not valid JSON'),
			401: unauthorized,
			403: notManager,
			404: problem('No such notebook, hidden from the caller, or the person is not a member'),
			409: problem('The last manager stays one (`notebook_last_manager`)'),
			415: unsupported,
			422: invalid
		}
	},
	removeNotebookMember: {
		operationId: 'removeNotebookMember',
		tags: ['notebooks'],
		summary: 'Remove a member, or withdraw the person’s pending invitation',
		description: jsonWrite,
		security: requiredAuth,
		requestParams: { path: memberParam },
		responses: {
			204: { description: 'Removed or withdrawn' },
			401: unauthorized,
			403: notManager,
			404: problem('No such notebook, hidden from the caller, or the person is neither member nor invitee'),
			409: problem('The last manager stays (`notebook_last_manager`)'),
			415: unsupported
		}
	},
	acceptNotebookInvitation: {
		operationId: 'acceptNotebookInvitation',
		tags: ['notebooks'],
		summary: 'Accept the caller’s invitation: they become a member with its role',
		description: jsonWrite,
		security: requiredAuth,
		requestParams: { path: notebookParam },
		responses: {
			200: jsonBody('The caller, now a member', NotebookMemberJson),
			401: unauthorized,
			404: problem('The caller has no invitation to this notebook'),
			415: unsupported
		}
	},
	declineNotebookInvitation: {
		operationId: 'declineNotebookInvitation',
		tags: ['notebooks'],
		summary: 'Decline the caller’s invitation',
		description: jsonWrite,
		security: requiredAuth,
		requestParams: { path: notebookParam },
		responses: {
			204: { description: 'Declined' },
			401: unauthorized,
			404: problem('The caller has no invitation to this notebook'),
			415: unsupported
		}
	},
	listMyInvitations: {
		operationId: 'listMyInvitations',
		tags: ['accounts'],
		summary: 'Invitations waiting for the caller’s answer',
		description:
			'The title of a notebook the caller may not see yet (a private one) is shown: its managers chose to tell them. Nothing else of it is.',
		security: requiredAuth,
		responses: { 200: jsonBody('The invitations', MyInvitationsJson), 401: unauthorized }
	}
} satisfies Record<string, ZodOpenApiOperationObject>;

export const notebookMemberPaths = {
	'/api/v1/notebooks/{id}/members': { get: operations.listNotebookMembers, post: operations.inviteNotebookMember },
	'/api/v1/notebooks/{id}/members/{handle}': { patch: operations.changeNotebookMemberRole, delete: operations.removeNotebookMember },
	'/api/v1/notebooks/{id}/invitation': { post: operations.acceptNotebookInvitation, delete: operations.declineNotebookInvitation },
	'/api/v1/me/invitations': { get: operations.listMyInvitations }
} satisfies ZodOpenApiPathsObject;
