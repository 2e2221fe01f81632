// Messages: reply (to the thread or to a message), edit and delete one's own.
import { eq } from 'drizzle-orm';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { canDeleteMessage, canEditMessage } from '../../domain/discussions.ts';
import { newId } from '../../domain/ids.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import { schema, type Db } from '../db/index.ts';
import { publish, type LiveEvent } from '../realtime/publish.ts';
import { messageAccess, threadAccess, type ThreadAccess } from './access.ts';
import { addMentions, writeTags } from './message-text.ts';
import { noticesFor, sendNotices } from './notices.ts';
import { deleteMessageFileRows, discardFiles, insertMessageFiles, type PreparedFile } from './message-files.ts';
import { findMessage, type Place } from './queries.ts';
import { showMessage, type MessageView, type RenderAt } from './read-thread.ts';
import type { EditMessageInput, PostMessageInput } from './schemas.ts';
import { touchThread } from './write-thread.ts';

const { message, messageTag } = schema;

function refusePosting(access: ThreadAccess): void {
	if (access.canPost) return;
	if (access.facts.locked) throw new ForbiddenError('The thread is locked', { _: ['discussion_thread_locked'] });
	throw new ForbiddenError('Only members post', { _: ['discussion_members_only'] });
}

/**
 * Replies in a thread, to the thread or to one of its messages. Active members of a community it is shown in post,
 * never in a locked thread. The parent message's author and the thread's author hear of the reply, the @mentioned
 * of their mention, each only if they may read the thread.
 */
export async function postMessage(
	db: Db,
	viewer: Viewer,
	threadId: string,
	input: PostMessageInput,
	files: PreparedFile[] = []
): Promise<{ messageId: string }> {
	const { messageId } = await post(db, viewer, threadId, input, files);
	return { messageId };
}

/**
 * postMessage, with `show` to read the message as its author now sees it (what the API answers a post with) without
 * reading the thread's access again. Kept apart from the write, so a failed read never passes for a failed post.
 */
export async function postMessageAndShow(
	db: Db,
	viewer: Viewer,
	threadId: string,
	input: PostMessageInput,
	files: PreparedFile[] = []
): Promise<{ messageId: string; show(at: RenderAt): Promise<{ place: Place; message: MessageView }> }> {
	const { messageId, access } = await post(db, viewer, threadId, input, files);
	return { messageId, show: (at) => showMessage(db, viewer, access, messageId, at) };
}

async function post(
	db: Db,
	viewer: Viewer,
	threadId: string,
	input: PostMessageInput,
	files: PreparedFile[]
): Promise<{ messageId: string; access: ThreadAccess }> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to post');
	const access = await threadAccess(db, viewer, threadId);
	refusePosting(access);
	const parent = input.parentId ? await findMessage(db, input.parentId) : null;
	if (input.parentId && (!parent || parent.threadId !== threadId))
		throw new ValidationError('The message replied to is not in this thread', { parentId: ['discussion_parent_invalid'] });
	const messageId = newId();
	await db.transaction(async (tx) => {
		const now = new Date();
		await tx
			.insert(message)
			.values({ id: messageId, threadId, authorId: viewer.id, parentId: parent?.id ?? null, body: input.body, createdAt: now });
		await insertMessageFiles(tx, messageId, files);
		await writeTags(tx, messageId, input.body, { fresh: true });
		const mentioned = await addMentions(tx, messageId, input.body);
		await touchThread(tx, threadId, now);
		const communityIds = access.places.map((p) => p.id);
		const about = {
			thread: access.thread,
			places: access.places,
			firstBody: access.firstBody,
			messageId,
			body: input.body,
			actorId: viewer.id
		};
		await sendNotices(
			tx,
			await noticesFor(tx, about, [
				['reply', [parent && !parent.deletedAt ? parent.authorId : null, access.thread.authorId]],
				['mention', mentioned]
			]),
			[{ type: 'message', change: 'created', threadId, messageId, communityIds }]
		);
	});
	return { messageId, access };
}

/** The author edits their message (shown "edited"); a newly @mentioned account is notified, an old one not again. */
export async function editMessage(db: Db, viewer: Viewer, messageId: string, input: EditMessageInput): Promise<{ threadId: string }> {
	const access = await messageAccess(db, viewer, messageId);
	if (!canEditMessage(viewer, { authorId: access.message.authorId, deleted: access.message.deletedAt !== null }, access.facts))
		throw new ForbiddenError('Only its author edits a message', { _: ['discussion_not_yours'] });
	await db.transaction(async (tx) => {
		await tx.update(message).set({ body: input.body, editedAt: new Date() }).where(eq(message.id, messageId));
		await writeTags(tx, messageId, input.body);
		const mentioned = await addMentions(tx, messageId, input.body);
		const threadId = access.thread.id;
		const edited: LiveEvent = { type: 'message', change: 'edited', threadId, messageId, communityIds: access.facts.communityIds.slice() };
		const firstBody = access.firstId === messageId ? input.body : access.firstBody;
		const about = {
			thread: access.thread,
			places: access.places,
			firstBody,
			messageId,
			body: input.body,
			actorId: access.message.authorId!
		};
		await sendNotices(tx, await noticesFor(tx, about, [['mention', mentioned]]), [edited]);
	});
	return { threadId: access.thread.id };
}

/**
 * The author deletes their message: its text and its files' rows go, its place stays ("message deleted") so replies
 * keep their context. Answers the stored files to remove (deleteMessageWithFiles does).
 */
export async function deleteMessage(db: Db, viewer: Viewer, messageId: string): Promise<{ storageKey: string }[]> {
	const access = await messageAccess(db, viewer, messageId);
	if (!canDeleteMessage(viewer, { authorId: access.message.authorId, deleted: access.message.deletedAt !== null }))
		throw new ForbiddenError('Only its author deletes a message', { _: ['discussion_not_yours'] });
	return db.transaction(async (tx) => {
		await tx.update(message).set({ body: '', deletedAt: new Date() }).where(eq(message.id, messageId));
		await tx.delete(messageTag).where(eq(messageTag.messageId, messageId));
		const communityIds = access.facts.communityIds.slice();
		await publish(tx, { type: 'message', change: 'deleted', threadId: access.thread.id, messageId, communityIds });
		return deleteMessageFileRows(tx, messageId);
	});
}

/** deleteMessage, then its files leave storage (after the commit: a rollback keeps them). */
export async function deleteMessageWithFiles(ctx: Pick<Ctx, 'db' | 'config'>, viewer: Viewer, messageId: string): Promise<void> {
	await discardFiles(ctx, await deleteMessage(ctx.db, viewer, messageId));
}
