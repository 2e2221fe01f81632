// API shapes of members and invitations; every field is named, none is spread from a row.
import type { MyNotebookInvitationRow, NotebookInvitationRow } from './invitations.ts';
import type { NotebookMemberRow } from './members.ts';
import type { MyNotebookInvitationJson, NotebookInvitationJson, NotebookMemberJson } from './member-schemas.ts';

type At = { publicUrl: string; lang: 'fr' | 'en' };

const profileUrl = (handle: string, at: At) => `${at.publicUrl}/${at.lang}/u/${encodeURIComponent(handle)}`;
const person = (handle: string | null, name: string | null) => (handle ? { handle, name: name ?? '' } : null);

export const presentNotebookMember = (m: Pick<NotebookMemberRow, 'handle' | 'displayName' | 'role'>, at: At): NotebookMemberJson => ({
	handle: m.handle,
	name: m.displayName,
	role: m.role,
	url: profileUrl(m.handle, at)
});

export const presentNotebookInvitation = (i: NotebookInvitationRow): NotebookInvitationJson => ({
	handle: i.handle,
	name: i.displayName,
	role: i.role,
	invitedBy: person(i.invitedByHandle, i.invitedByName),
	invitedAt: i.invitedAt.toISOString()
});

export const presentMyNotebookInvitation = (i: MyNotebookInvitationRow, at: At): MyNotebookInvitationJson => ({
	notebook: { id: i.notebookId, title: i.title, url: `${at.publicUrl}/${at.lang}/c/${i.notebookId}` },
	role: i.role,
	invitedBy: person(i.invitedByHandle, i.invitedByName),
	invitedAt: i.invitedAt.toISOString()
});
