// The one rule for who may see what (DESIGN §6). Every surface asks here, or asks the SQL twin beside the
// queries of the capability (communities/visibility-filter.ts), and a table test keeps both in agreement.
import type { Viewer } from './viewer.ts';

export type CommunityVisibility = 'public' | 'closed' | 'secret';
export type MembershipFacts = { role: 'host' | 'member'; status: 'active' | 'pending' | 'invited' } | null;
export type CommunityFacts = { visibility: CommunityVisibility };

const isActive = (m: MembershipFacts) => m?.status === 'active';
const isAdmin = (v: Viewer) => v.kind === 'account' && v.isAdmin;

/**
 * Public and closed communities are listed and have a page for everyone; a secret one exists only for its
 * members and for people it has invited (who must see it to accept). Admins see all; callers log admin views.
 */
export function canViewCommunity(viewer: Viewer, community: CommunityFacts, membership: MembershipFacts): boolean {
	if (community.visibility !== 'secret') return true;
	if (viewer.kind === 'anonymous') return false;
	return isAdmin(viewer) || isActive(membership) || membership?.status === 'invited';
}

/** The member list of a closed or secret community is for its active members only. */
export function canViewMembers(viewer: Viewer, community: CommunityFacts, membership: MembershipFacts): boolean {
	if (!canViewCommunity(viewer, community, membership)) return false;
	if (community.visibility === 'public') return true;
	return isAdmin(viewer) || isActive(membership);
}

/** A community as a discussion place: its id and visibility. */
export type DiscussionPlace = { id: string; visibility: CommunityVisibility };

/**
 * A thread and its messages: public in a public community, for its active members otherwise, and for admins. A
 * thread cross-posted to several communities may be read by whoever may read any of them (discussions/ holds the SQL
 * twin). Posting is for active members, and not in a locked thread (discussions/).
 */
export function canReadThread(viewer: Viewer, shownIn: readonly DiscussionPlace[]): boolean {
	if (isAdmin(viewer)) return true;
	return shownIn.some((c) => c.visibility === 'public' || (viewer.kind === 'account' && viewer.activeCommunityIds.has(c.id)));
}

/** Hosts manage members, invitations and requests; admins may act as hosts for moderation. */
export function canManageCommunity(viewer: Viewer, membership: MembershipFacts): boolean {
	return isAdmin(viewer) || (membership?.role === 'host' && isActive(membership));
}

export type JoinAction = 'join' | 'request' | 'accept-invitation' | 'none';

/** What "join" means for this viewer here: join a public one, ask a closed one, accept an invitation. */
export function joinActionFor(viewer: Viewer, community: CommunityFacts, membership: MembershipFacts): JoinAction {
	if (viewer.kind === 'anonymous') return 'none';
	if (membership?.status === 'invited') return 'accept-invitation';
	if (membership) return 'none';
	if (community.visibility === 'public') return 'join';
	if (community.visibility === 'closed') return 'request';
	return 'none';
}

/** True when the viewer sees something only because they are an admin: the caller logs such views (DESIGN §6). */
export function seesOnlyAsAdmin(viewer: Viewer, canSee: (viewer: Viewer) => boolean): boolean {
	return viewer.kind === 'account' && viewer.isAdmin && canSee(viewer) && !canSee({ ...viewer, isAdmin: false });
}

export type NoteVisibility = 'public' | 'community' | 'private';
export type NoteFacts = {
	status: 'draft' | 'published';
	visibility: NoteVisibility;
	communityId: string | null;
	/** Active authors (accepted co-authors included). */
	authorIds: readonly string[];
	deleted: boolean;
};

/**
 * Who may see a note (DESIGN §6): its authors always; a draft nobody else; a published public note everyone; a
 * community note the active members of its community; a private note its authors only. A deleted note is hidden
 * from everyone but admins, who may restore it. Admins see everything; callers log such views.
 */
export function canViewNote(viewer: Viewer, note: NoteFacts): boolean {
	if (isAdmin(viewer)) return true;
	if (note.deleted) return false;
	if (viewer.kind === 'account' && note.authorIds.includes(viewer.id)) return true;
	if (note.status === 'draft') return false;
	if (note.visibility === 'public') return true;
	return (
		note.visibility === 'community' &&
		viewer.kind === 'account' &&
		note.communityId !== null &&
		viewer.activeCommunityIds.has(note.communityId)
	);
}

/** Authors edit their note; admins may, for moderation. */
export function canEditNote(viewer: Viewer, note: NoteFacts): boolean {
	return isAdmin(viewer) || (viewer.kind === 'account' && !note.deleted && note.authorIds.includes(viewer.id));
}

export type NotebookFacts = {
	visibility: NoteVisibility;
	communityId: string | null;
	managerIds: readonly string[];
	contributorIds: readonly string[];
	deleted: boolean;
};

const isNotebookMember = (viewer: Viewer, nb: NotebookFacts) =>
	viewer.kind === 'account' && (nb.managerIds.includes(viewer.id) || nb.contributorIds.includes(viewer.id));

const isCommunityMember = (viewer: Viewer, communityId: string | null) =>
	viewer.kind === 'account' && communityId !== null && viewer.activeCommunityIds.has(communityId);

/**
 * Who may see a notebook (DESIGN §6): everyone if public; the active members of its community if community; its
 * managers and contributors always. Deleted: admins only. Seeing a notebook does not show its notes: each note
 * keeps its own rule, and lists and counts show only the notes the viewer may see.
 */
export function canViewNotebook(viewer: Viewer, nb: NotebookFacts): boolean {
	if (isAdmin(viewer)) return true;
	if (nb.deleted) return false;
	if (nb.visibility === 'public' || isNotebookMember(viewer, nb)) return true;
	return nb.visibility === 'community' && isCommunityMember(viewer, nb.communityId);
}

/** Managers curate: title, categories, order, pins, members, deletion. Admins may, for moderation. */
export function canManageNotebook(viewer: Viewer, nb: NotebookFacts): boolean {
	return isAdmin(viewer) || (viewer.kind === 'account' && !nb.deleted && nb.managerIds.includes(viewer.id));
}

/**
 * Contributors add, place and remove notes; so do the active members of the notebook's community (issue 4), as long
 * as they may see the notebook (a private notebook stays its members' own).
 */
export function canContributeToNotebook(viewer: Viewer, nb: NotebookFacts): boolean {
	if (canManageNotebook(viewer, nb)) return true;
	if (nb.deleted) return false;
	return isNotebookMember(viewer, nb) || (isCommunityMember(viewer, nb.communityId) && canViewNotebook(viewer, nb));
}

export type KnowledgeBaseFacts = {
	visibility: NoteVisibility;
	communityId: string | null;
	managerIds: readonly string[];
	deleted: boolean;
};

/**
 * Who may see a knowledge base (DESIGN §6): everyone if public; the active members of its community if community;
 * its managers always. Deleted: admins only. Seeing it shows only the notebooks, and in them the notes, that the
 * viewer may see on their own.
 */
export function canViewKnowledgeBase(viewer: Viewer, kb: KnowledgeBaseFacts): boolean {
	if (isAdmin(viewer)) return true;
	if (kb.deleted) return false;
	if (kb.visibility === 'public' || (viewer.kind === 'account' && kb.managerIds.includes(viewer.id))) return true;
	return kb.visibility === 'community' && isCommunityMember(viewer, kb.communityId);
}

/** Managers choose its notebooks, title and order; admins may, for moderation. */
export function canManageKnowledgeBase(viewer: Viewer, kb: KnowledgeBaseFacts): boolean {
	return isAdmin(viewer) || (viewer.kind === 'account' && !kb.deleted && kb.managerIds.includes(viewer.id));
}
