// Invitations to take part in a notebook, as for note co-authors: a manager invites by handle with a role; the
// invitee accepts (and becomes a member with that role) or declines. An invitation grants nothing: visibility reads
// notebook_member only (DESIGN §6), so an invitee of a private notebook sees its title on the invitation and no more.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ConflictError, NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { findInvitee } from '../profiles/index.ts';
import { notebookFor } from './access.ts';
import type { NotebookRole } from './member-schemas.ts';

const { notebook, notebookInvitation, notebookMember, profile } = schema;
const inviter = alias(profile, 'inviter');

/** Deletes this account's invitation to this notebook and gives its role; NotFoundError when there is none. */
async function takeInvitation(db: Db, notebookId: string, accountId: string): Promise<NotebookRole> {
	const [gone] = await db
		.delete(notebookInvitation)
		.where(and(eq(notebookInvitation.notebookId, notebookId), eq(notebookInvitation.accountId, accountId)))
		.returning({ role: notebookInvitation.role });
	if (!gone) throw new NotFoundError('No such invitation');
	return gone.role;
}

/** Who invited, as whom and when: what both lists of invitations show beside the invitee or the notebook. */
const invitationFacts = {
	role: notebookInvitation.role,
	invitedByHandle: inviter.handle,
	invitedByName: inviter.displayName,
	invitedAt: notebookInvitation.createdAt
};

/**
 * Managers invite a person by handle, as a contributor or a fellow manager. ValidationError (author_not_found) for
 * an unknown handle; ConflictError for a member (notebook_member_already) or someone already invited
 * (notebook_invitation_already); NotFoundError / ForbiddenError as notebookFor for everyone but managers.
 */
export async function inviteNotebookMember(db: Db, viewer: Viewer, notebookId: string, handle: string, role: NotebookRole) {
	await notebookFor(db, viewer, notebookId, 'manage');
	const person = await findInvitee(db, handle);
	return db.transaction(async (tx) => {
		const [member] = await tx
			.select({ role: notebookMember.role })
			.from(notebookMember)
			.where(and(eq(notebookMember.notebookId, notebookId), eq(notebookMember.accountId, person.accountId)));
		if (member) throw new ConflictError('Already a member of this notebook', { handle: ['notebook_member_already'] });
		const [invited] = await tx
			.insert(notebookInvitation)
			.values({ notebookId, accountId: person.accountId, role, invitedBy: viewer.kind === 'account' ? viewer.id : null })
			.onConflictDoNothing()
			.returning({ createdAt: notebookInvitation.createdAt });
		if (!invited) throw new ConflictError('Already invited to this notebook', { handle: ['notebook_invitation_already'] });
		return { accountId: person.accountId, handle: person.handle, displayName: person.displayName, role, invitedAt: invited.createdAt };
	});
}

/** Managers withdraw a pending invitation; NotFoundError if there is none (or the notebook is hidden from them). */
export async function withdrawNotebookInvitation(db: Db, viewer: Viewer, notebookId: string, accountId: string): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'manage');
	await takeInvitation(db, notebookId, accountId);
}

/**
 * The invitee accepts: the invitation becomes a membership with its role, in one transaction, so it is never both
 * or neither. NotFoundError when the viewer has no invitation to this notebook (or it was deleted).
 */
export async function acceptNotebookInvitation(db: Db, viewer: Viewer, notebookId: string): Promise<{ role: NotebookRole }> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to answer an invitation');
	return db.transaction(async (tx) => {
		const [live] = await tx
			.select({ id: notebook.id })
			.from(notebook)
			.where(and(eq(notebook.id, notebookId), isNull(notebook.deletedAt)))
			.for('update');
		if (!live) throw new NotFoundError('No such invitation');
		const role = await takeInvitation(tx, notebookId, viewer.id);
		// Already a member (invited again while an earlier invitation was being accepted): keep the role they have.
		await tx.insert(notebookMember).values({ notebookId, accountId: viewer.id, role }).onConflictDoNothing();
		return { role };
	});
}

/** The invitee declines: the invitation goes. NotFoundError when the viewer has none to this notebook. */
export async function declineNotebookInvitation(db: Db, viewer: Viewer, notebookId: string): Promise<void> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to answer an invitation');
	await takeInvitation(db, notebookId, viewer.id);
}

/** Pending invitations of a notebook, newest first. Only for its managers: the caller has checked canManage. */
export const listNotebookInvitations = (db: Db, notebookId: string) =>
	db
		.select({
			accountId: notebookInvitation.accountId,
			handle: profile.handle,
			displayName: profile.displayName,
			...invitationFacts
		})
		.from(notebookInvitation)
		.innerJoin(profile, eq(profile.accountId, notebookInvitation.accountId))
		.leftJoin(inviter, eq(inviter.accountId, notebookInvitation.invitedBy))
		.where(eq(notebookInvitation.notebookId, notebookId))
		.orderBy(desc(notebookInvitation.createdAt));
export type NotebookInvitationRow = Awaited<ReturnType<typeof listNotebookInvitations>>[number];

/**
 * The invitations waiting for this viewer, newest first. The invitee learns the title of a notebook they may not
 * see yet (a private one): a manager chose to tell them, and they cannot decide without it.
 */
export async function listMyNotebookInvitations(db: Db, viewer: Viewer) {
	if (viewer.kind !== 'account') return [];
	return db
		.select({
			notebookId: notebook.id,
			title: notebook.title,
			...invitationFacts
		})
		.from(notebookInvitation)
		.innerJoin(notebook, eq(notebook.id, notebookInvitation.notebookId))
		.leftJoin(inviter, eq(inviter.accountId, notebookInvitation.invitedBy))
		.where(and(eq(notebookInvitation.accountId, viewer.id), isNull(notebook.deletedAt)))
		.orderBy(desc(notebookInvitation.createdAt));
}
export type MyNotebookInvitationRow = Awaited<ReturnType<typeof listMyNotebookInvitations>>[number];
