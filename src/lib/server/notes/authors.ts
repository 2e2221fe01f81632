// Co-authorship: an author invites someone by handle; the invitee accepts (and appears in the byline, with the
// right to edit) or declines. Byline order is the `position` column, which authors may change.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { ConflictError, NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { findInvitee } from '../profiles/index.ts';
import { listNoteAuthors } from './queries.ts';
import { editableNote } from './set-note-status.ts';
import { insertRows } from '../db/write-rows.ts';
import { notify } from '../notifications/notify.ts';

const { note, noteAuthor } = schema;

/** Everyone attached to a note, invitations included, in byline order: what the authors' panel shows. */
export const listAuthorsAndInvitees = (db: Db, noteId: string) => listNoteAuthors(db, noteId, ['active', 'invited']);

/** An author invites a co-author by handle; they join the byline, last, once they accept. */
export async function inviteCoAuthor(db: Db, viewer: Viewer, noteId: string, handle: string): Promise<void> {
	const edited = await editableNote(db, viewer, noteId);
	const invitee = await findInvitee(db, handle);
	await db.transaction(async (tx) => {
		// Serialise invitations on this note so two at once do not take the same position.
		await tx.select({ id: note.id }).from(note).where(eq(note.id, noteId)).for('update');
		const [existing] = await tx
			.select({ status: noteAuthor.status })
			.from(noteAuthor)
			.where(and(eq(noteAuthor.noteId, noteId), eq(noteAuthor.accountId, invitee.accountId)));
		if (existing) {
			throw new ConflictError('Already an author or invited', {
				handle: [existing.status === 'active' ? 'author_already' : 'author_already_invited']
			});
		}
		const [last] = await tx
			.select({ n: sql<number>`coalesce(max(${noteAuthor.position}), -1)::int` })
			.from(noteAuthor)
			.where(eq(noteAuthor.noteId, noteId));
		await tx.insert(noteAuthor).values({
			noteId,
			accountId: invitee.accountId,
			position: last.n + 1,
			status: 'invited',
			invitedBy: viewer.kind === 'account' ? viewer.id : null
		});
		// The invitee's bell: the invitation reveals the note's title to them only (it waits on "My notes").
		await notify(tx, [
			{
				accountId: invitee.accountId,
				kind: 'coauthor_invitation',
				actorId: viewer.kind === 'account' ? viewer.id : null,
				noteId,
				payload: { title: edited.title, excerpt: '', path: '/notes' }
			}
		]);
	});
}

/**
 * inviteCoAuthor for many notes at once, inside the caller's transaction (an import's chunk): each account not yet
 * an author nor invited is invited, last in the byline, in the order given. The caller has checked that the inviter
 * may edit these notes, and locked or just written their rows, so positions cannot collide.
 */
export async function inviteCoAuthors(tx: Db, invitedBy: string, invites: ReadonlyMap<string, readonly string[]>): Promise<void> {
	const noteIds = [...invites].filter(([, accounts]) => accounts.length).map(([id]) => id);
	if (!noteIds.length) return;
	const rows = await tx
		.select({ noteId: noteAuthor.noteId, accountId: noteAuthor.accountId, position: noteAuthor.position })
		.from(noteAuthor)
		.where(inArray(noteAuthor.noteId, noteIds));
	const values: (typeof noteAuthor.$inferInsert)[] = [];
	for (const noteId of noteIds) {
		const present = rows.filter((r) => r.noteId === noteId);
		const taken = new Set(present.map((r) => r.accountId));
		let position = Math.max(-1, ...present.map((r) => r.position));
		for (const accountId of invites.get(noteId) ?? []) {
			if (taken.has(accountId)) continue;
			taken.add(accountId);
			values.push({ noteId, accountId, position: ++position, status: 'invited', invitedBy });
		}
	}
	// No bell per invitation here: an import may invite one person to hundreds of notes; "My notes" lists them.
	await insertRows(tx, noteAuthor, values);
}

/** The invitee accepts (becomes an author) or declines (the invitation goes). Only their own invitation. */
export async function answerAuthorInvitation(db: Db, viewer: Viewer, noteId: string, accept: boolean): Promise<void> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to answer an invitation');
	const mine = and(eq(noteAuthor.noteId, noteId), eq(noteAuthor.accountId, viewer.id), eq(noteAuthor.status, 'invited'));
	const changed = accept
		? await db.update(noteAuthor).set({ status: 'active' }).where(mine).returning({ noteId: noteAuthor.noteId })
		: await db.delete(noteAuthor).where(mine).returning({ noteId: noteAuthor.noteId });
	if (!changed.length) throw new NotFoundError('No such invitation');
}

/**
 * An author removes a co-author or withdraws an invitation; anyone may remove themself. The last active author
 * stays: a note always has someone answerable for it.
 */
export async function removeAuthor(db: Db, viewer: Viewer, noteId: string, accountId: string): Promise<void> {
	await editableNote(db, viewer, noteId);
	await db.transaction(async (tx) => {
		await tx.select({ id: note.id }).from(note).where(eq(note.id, noteId)).for('update');
		const rows = await tx
			.select({ accountId: noteAuthor.accountId, status: noteAuthor.status })
			.from(noteAuthor)
			.where(eq(noteAuthor.noteId, noteId));
		const target = rows.find((r) => r.accountId === accountId);
		if (!target) throw new NotFoundError('Not an author of this note');
		if (target.status === 'active' && rows.filter((r) => r.status === 'active').length === 1) {
			throw new ConflictError('A note keeps at least one author', { _: ['author_last'] });
		}
		await tx.delete(noteAuthor).where(and(eq(noteAuthor.noteId, noteId), eq(noteAuthor.accountId, accountId)));
	});
}

/** Moves an author one place earlier or later in the byline. */
export async function moveAuthor(db: Db, viewer: Viewer, noteId: string, accountId: string, direction: 'up' | 'down'): Promise<void> {
	await editableNote(db, viewer, noteId);
	await db.transaction(async (tx) => {
		await tx.select({ id: note.id }).from(note).where(eq(note.id, noteId)).for('update');
		const rows = await tx
			.select({ accountId: noteAuthor.accountId, position: noteAuthor.position })
			.from(noteAuthor)
			.where(eq(noteAuthor.noteId, noteId))
			.orderBy(asc(noteAuthor.position));
		const i = rows.findIndex((r) => r.accountId === accountId);
		if (i < 0) throw new NotFoundError('Not an author of this note');
		const j = direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= rows.length) return;
		const setPosition = (who: string, position: number) =>
			tx
				.update(noteAuthor)
				.set({ position })
				.where(and(eq(noteAuthor.noteId, noteId), eq(noteAuthor.accountId, who)));
		await setPosition(rows[i].accountId, rows[j].position);
		await setPosition(rows[j].accountId, rows[i].position);
	});
}

/**
 * The invitations waiting for this viewer. The invitee learns the title of a note they may not see yet (a draft):
 * an author chose to tell them, and they cannot decide without it.
 */
export async function listAuthorInvitations(db: Db, viewer: Viewer) {
	if (viewer.kind !== 'account') return [];
	const inviter = schema.profile;
	return db
		.select({
			noteId: note.id,
			title: note.title,
			invitedByName: inviter.displayName,
			invitedByHandle: inviter.handle,
			invitedAt: noteAuthor.createdAt
		})
		.from(noteAuthor)
		.innerJoin(note, eq(note.id, noteAuthor.noteId))
		.leftJoin(inviter, eq(inviter.accountId, noteAuthor.invitedBy))
		.where(and(eq(noteAuthor.accountId, viewer.id), eq(noteAuthor.status, 'invited'), isNull(note.deletedAt)))
		.orderBy(desc(noteAuthor.createdAt));
}

/** The viewer's own notes (drafts included), most recently edited first: the "My notes" page. */
export async function listOwnNotes(db: Db, viewer: Viewer) {
	if (viewer.kind !== 'account') return [];
	return db
		.select({
			id: note.id,
			title: note.title,
			type: note.type,
			status: note.status,
			visibility: note.visibility,
			updatedAt: note.updatedAt
		})
		.from(noteAuthor)
		.innerJoin(note, eq(note.id, noteAuthor.noteId))
		.where(and(eq(noteAuthor.accountId, viewer.id), eq(noteAuthor.status, 'active'), isNull(note.deletedAt)))
		.orderBy(desc(note.updatedAt))
		.limit(500);
}
