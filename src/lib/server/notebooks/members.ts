import { and, asc, eq, sql } from 'drizzle-orm';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { findProfileByHandle } from '../profiles/index.ts';
import { notebookFor } from './access.ts';
import { visibleNotebookFilter } from './visibility-filter.ts';

const { notebook, notebookMember, profile } = schema;

/** Managers add a person by handle as a contributor or a fellow manager. */
export async function addNotebookMember(db: Db, viewer: Viewer, notebookId: string, handle: string, role: 'manager' | 'contributor') {
	await notebookFor(db, viewer, notebookId, 'manage');
	const person = await findProfileByHandle(db, handle.trim().replace(/^@/, ''));
	if (!person) throw new ValidationError('No one has this handle', { handle: ['author_not_found'] });
	const inserted = await db
		.insert(notebookMember)
		.values({ notebookId, accountId: person.accountId, role })
		.onConflictDoNothing()
		.returning({ accountId: notebookMember.accountId });
	if (!inserted.length) throw new ConflictError('Already a member of this notebook', { handle: ['notebook_member_already'] });
}

/** Managers remove a member; the last manager stays, so someone can always curate. */
export async function removeNotebookMember(db: Db, viewer: Viewer, notebookId: string, accountId: string) {
	const { facts } = await notebookFor(db, viewer, notebookId, 'manage');
	if (facts.managerIds.length === 1 && facts.managerIds[0] === accountId)
		throw new ConflictError('A notebook keeps at least one manager', { _: ['notebook_last_manager'] });
	await db.delete(notebookMember).where(and(eq(notebookMember.notebookId, notebookId), eq(notebookMember.accountId, accountId)));
}

/** Managers and contributors, managers first; shown to those who may see the notebook. */
export const listNotebookMembers = (db: Db, notebookId: string) =>
	db
		.select({ accountId: notebookMember.accountId, role: notebookMember.role, handle: profile.handle, displayName: profile.displayName })
		.from(notebookMember)
		.innerJoin(profile, eq(profile.accountId, notebookMember.accountId))
		.where(eq(notebookMember.notebookId, notebookId))
		.orderBy(sql`${notebookMember.role} = 'manager' desc`, asc(profile.displayName));

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
