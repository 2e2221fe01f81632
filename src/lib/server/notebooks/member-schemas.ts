// Managers and contributors of a notebook, and the invitations that make them: inputs (forms and API) and the
// API's shapes. Invitations grant nothing until accepted (DESIGN §6 reads notebook_member only).
import { z } from 'zod';

export const NotebookRole = z
	.enum(['manager', 'contributor'])
	.describe('manager: curates categories, order, pins and members; contributor: adds and places notes');
export type NotebookRole = z.infer<typeof NotebookRole>;

export const InviteNotebookMemberInput = z
	.object({
		handle: z.string().trim().min(1, 'handle_required').max(40).describe('Handle of the person to invite, with or without @'),
		role: NotebookRole.default('contributor')
	})
	.meta({ id: 'InviteNotebookMember' });
export type InviteNotebookMemberInput = z.infer<typeof InviteNotebookMemberInput>;

export const ChangeNotebookRoleInput = z.object({ role: NotebookRole }).meta({ id: 'ChangeNotebookMemberRole' });

const Person = z.object({ handle: z.string(), name: z.string() });

export const NotebookMemberJson = z
	.object({ handle: z.string(), name: z.string(), role: NotebookRole, url: z.url().describe('Profile page') })
	.meta({ id: 'NotebookMember', description: 'A manager or contributor of a notebook' });
export type NotebookMemberJson = z.infer<typeof NotebookMemberJson>;

export const NotebookInvitationJson = z
	.object({
		handle: z.string(),
		name: z.string(),
		role: NotebookRole.describe('The role they get on accepting'),
		invitedBy: Person.nullable().describe('null once the inviting account is gone'),
		invitedAt: z.iso.datetime()
	})
	.meta({ id: 'NotebookInvitation', description: 'A pending invitation, seen by the notebook’s managers' });
export type NotebookInvitationJson = z.infer<typeof NotebookInvitationJson>;

export const NotebookMembersJson = z
	.object({
		items: z.array(NotebookMemberJson).describe('Managers first, then contributors, by name'),
		invitations: z.array(NotebookInvitationJson).optional().describe('Pending invitations, newest first; present for managers only')
	})
	.meta({ id: 'NotebookMembers' });
export type NotebookMembersJson = z.infer<typeof NotebookMembersJson>;

export const MyNotebookInvitationJson = z
	.object({
		notebook: z.object({ id: z.string(), title: z.string(), url: z.url() }),
		role: NotebookRole.describe('The role the caller gets on accepting'),
		invitedBy: Person.nullable(),
		invitedAt: z.iso.datetime()
	})
	.meta({ id: 'MyNotebookInvitation', description: 'An invitation waiting for the caller' });
export type MyNotebookInvitationJson = z.infer<typeof MyNotebookInvitationJson>;

export const MyInvitationsJson = z
	.object({ notebooks: z.array(MyNotebookInvitationJson).describe('Invitations to notebooks, newest first') })
	.meta({ id: 'MyInvitations', description: 'What waits for the caller’s answer' });
export type MyInvitationsJson = z.infer<typeof MyInvitationsJson>;
