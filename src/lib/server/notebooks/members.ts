// Managers and contributors of a notebook. People join by invitation only (invitations.ts): nobody is made a member
// without saying yes. Managers change roles and remove members; a notebook always keeps one manager.
import { and, asc, eq, sql } from 'drizzle-orm';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { canManageNotebook } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { notebookFor } from './access.ts';
import { listNotebookInvitations, withdrawNotebookInvitation, type NotebookInvitationRow } from './invitations.ts';
import type { NotebookRole } from './member-schemas.ts';
import { visibleNotebookFilter } from './visibility-filter.ts';

const { notebook, notebookMember, profile } = schema;

const lastManager = () => new ConflictError('A notebook keeps at least one manager', { _: ['notebook_last_manager'] });

/**
 * The notebook's members, read under a lock on the notebook row: two managers demoting or removing each other at
 * once must not leave it with none.
 */
async function lockedMembers(tx: Db, notebookId: string) {
	await tx.select({ id: notebook.id }).from(notebook).where(eq(notebook.id, notebookId)).for('update');
	return tx
		.select({ accountId: notebookMember.accountId, role: notebookMember.role })
		.from(notebookMember)
		.where(eq(notebookMember.notebookId, notebookId));
}

const memberRow = (notebookId: string, accountId: string) =>
	and(eq(notebookMember.notebookId, notebookId), eq(notebookMember.accountId, accountId));

/**
 * Managers remove a member. NotFoundError if the notebook is hidden from the viewer or the person is no member;
 * ForbiddenError for non-managers; ConflictError (notebook_last_manager) for the last manager.
 */
export async function removeNotebookMember(db: Db, viewer: Viewer, notebookId: string, accountId: string): Promise<void> {
	await notebookFor(db, viewer, notebookId, 'manage');
	await db.transaction(async (tx) => {
		const members = await lockedMembers(tx, notebookId);
		const target = members.find((m) => m.accountId === accountId);
		if (!target) throw new NotFoundError('Not a member of this notebook');
		if (target.role === 'manager' && members.filter((m) => m.role === 'manager').length === 1) throw lastManager();
		await tx.delete(notebookMember).where(memberRow(notebookId, accountId));
	});
}

/**
 * Managers promote a contributor to manager or make a manager a contributor, themselves included, unless they are
 * the last manager (ConflictError notebook_last_manager). Same errors as removeNotebookMember otherwise.
 */
export async function changeNotebookMemberRole(db: Db, viewer: Viewer, notebookId: string, accountId: string, role: NotebookRole) {
	await notebookFor(db, viewer, notebookId, 'manage');
	await db.transaction(async (tx) => {
		const members = await lockedMembers(tx, notebookId);
		const target = members.find((m) => m.accountId === accountId);
		if (!target) throw new NotFoundError('Not a member of this notebook');
		if (target.role === role) return;
		if (target.role === 'manager' && members.filter((m) => m.role === 'manager').length === 1) throw lastManager();
		await tx.update(notebookMember).set({ role }).where(memberRow(notebookId, accountId));
	});
}

/** Managers remove a member or withdraw the person's pending invitation, whichever they have (the API's DELETE). */
export async function removeFromNotebook(db: Db, viewer: Viewer, notebookId: string, accountId: string): Promise<void> {
	const [member] = await db.select({ role: notebookMember.role }).from(notebookMember).where(memberRow(notebookId, accountId));
	if (member) await removeNotebookMember(db, viewer, notebookId, accountId);
	else await withdrawNotebookInvitation(db, viewer, notebookId, accountId);
}

/** Managers and contributors, managers first; shown to those who may see the notebook. */
export const listNotebookMembers = (db: Db, notebookId: string) =>
	db
		.select({ accountId: notebookMember.accountId, role: notebookMember.role, handle: profile.handle, displayName: profile.displayName })
		.from(notebookMember)
		.innerJoin(profile, eq(profile.accountId, notebookMember.accountId))
		.where(eq(notebookMember.notebookId, notebookId))
		.orderBy(sql`${notebookMember.role} = 'manager' desc`, asc(profile.displayName));
export type NotebookMemberRow = Awaited<ReturnType<typeof listNotebookMembers>>[number];

/**
 * The members of a notebook the viewer may see (NotFoundError otherwise), and its pending invitations when the
 * viewer manages it (null for everyone else: who was invited is the managers' business).
 */
export async function getNotebookMembers(
	db: Db,
	viewer: Viewer,
	notebookId: string
): Promise<{ members: NotebookMemberRow[]; invitations: NotebookInvitationRow[] | null }> {
	const { facts } = await notebookFor(db, viewer, notebookId, 'view');
	const [members, invitations] = await Promise.all([
		listNotebookMembers(db, notebookId),
		canManageNotebook(viewer, facts) ? listNotebookInvitations(db, notebookId) : null
	]);
	return { members, invitations };
}

/** Notebooks the viewer may see, of one community or where an account takes part; for community and "My notes" pages. */
export async function listNotebooks(db: Db, viewer: Viewer, by: { communityId?: string; memberId?: string }) {
	return db
		.select({
			id: notebook.id,
			title: notebook.title,
			description: notebook.description,
			visibility: notebook.visibility,
			role: by.memberId ? notebookMember.role : sql<null>`null`
		})
		.from(notebook)
		.leftJoin(
			notebookMember,
			by.memberId ? and(eq(notebookMember.notebookId, notebook.id), eq(notebookMember.accountId, by.memberId)) : sql`false`
		)
		.where(
			and(
				visibleNotebookFilter(viewer),
				sql`${notebook.deletedAt} is null`,
				by.communityId ? eq(notebook.communityId, by.communityId) : undefined,
				by.memberId ? sql`${notebookMember.accountId} is not null` : undefined
			)
		)
		.orderBy(asc(notebook.title));
}
