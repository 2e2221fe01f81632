// Writing direct messages: starting a conversation (or reopening the same one) and sending into it. Recipients are
// told through notify() and the live channel, inside the writing transaction. Each message counts against its
// sender's hourly limit (config.messagingLimits), in the same transaction: a message refused for another reason
// does not count.
import { and, eq, sql } from 'drizzle-orm';
import { messageExcerpt, recipientsOf } from '../../domain/conversations.ts';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { enforceLimit } from '../accounts/index.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { getNote } from '../notes/index.ts';
import { notify } from '../notifications/notify.ts';
import { publish } from '../realtime/publish.ts';
import { findAccountsByHandle, findConversationFor, findDisplayName, findSameConversation } from './queries.ts';
import type { SendMessageInput, StartConversationInput } from './schemas.ts';

const { conversation, conversationParticipant: participant, directMessage } = schema;

const HOUR = 3600;

type Member = Extract<Viewer, { kind: 'account' }>;

function requireMember(viewer: Viewer): Member {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to write messages');
	return viewer;
}

/**
 * Starts a conversation with the people named by handle and/or the authors of a note the viewer may see ("Contact
 * the author"), with a first message. The same people about the same note (or none) already talking: the message
 * goes to that conversation instead. Throws UnauthorizedError when anonymous, NotFoundError for a note the viewer may
 * not see, ValidationError for unknown handles (`dm_unknown_handle`) or nobody else to write to (`dm_no_recipient`),
 * RateLimitedError past the sender's hourly limit (`dm_rate_limited`).
 */
export async function startConversation(
	ctx: Ctx,
	viewer: Viewer,
	input: StartConversationInput
): Promise<{ id: string; created: boolean }> {
	const { db } = ctx;
	const me = requireMember(viewer);
	const handles = input.handles ?? [];
	const found = await findAccountsByHandle(db, handles);
	const missing = handles.filter((h) => !found.some((f) => f.handle.toLowerCase() === h));
	if (missing.length) throw new ValidationError(`No one has the handle ${missing.join(', ')}`, { handles: ['dm_unknown_handle'] });
	const recipientIds = found.map((f) => f.accountId);
	let noteId: string | null = null;
	if (input.noteId) {
		const { note, authors } = await getNote(db, me, input.noteId);
		noteId = note.id;
		recipientIds.push(...authors.map((a) => a.accountId));
	}
	const recipients = recipientsOf(me.id, recipientIds);
	if ('problem' in recipients)
		throw new ValidationError('Nobody to write to', { [handles.length ? 'handles' : '_']: [recipients.problem] });
	const participantIds = [me.id, ...recipients.ids];
	const same = await findSameConversation(db, participantIds, noteId);
	if (same) {
		await sendMessage(ctx, me, same, { body: input.body });
		return { id: same, created: false };
	}
	const id = newId();
	await db.transaction(async (tx) => {
		await tx.insert(conversation).values({ id, createdBy: me.id, noteId });
		await tx.insert(participant).values(participantIds.map((accountId) => ({ conversationId: id, accountId })));
		await insertMessage(ctx, tx, me, id, recipients.ids, input.body);
	});
	return { id, created: true };
}

/**
 * Sends a message into a conversation the viewer takes part in; NotFoundError for anyone else (DESIGN §6),
 * RateLimitedError past the sender's hourly limit.
 */
export async function sendMessage(ctx: Ctx, viewer: Viewer, conversationId: string, input: SendMessageInput): Promise<{ id: string }> {
	const { db } = ctx;
	// Existence first: anonymous callers learn nothing more than anyone else who is not taking part.
	if (!(await findConversationFor(db, viewer, conversationId))) throw new NotFoundError('No such conversation');
	const me = requireMember(viewer);
	return db.transaction(async (tx) => {
		const others = await tx
			.select({ accountId: participant.accountId })
			.from(participant)
			.where(and(eq(participant.conversationId, conversationId), sql`${participant.accountId} <> ${me.id}`));
		return insertMessage(
			ctx,
			tx,
			me,
			conversationId,
			others.map((o) => o.accountId),
			input.body
		);
	});
}

async function insertMessage(ctx: Ctx, tx: Db, me: Member, conversationId: string, recipientIds: string[], body: string) {
	await enforceLimit(
		tx,
		`dm:${me.id}`,
		{ windowSeconds: HOUR, max: ctx.config.messagingLimits.directMessagesPerHour },
		{ _: ['dm_rate_limited'] }
	);
	const id = newId();
	const [row] = await tx
		.insert(directMessage)
		.values({ id, conversationId, authorId: me.id, body })
		.returning({ createdAt: directMessage.createdAt });
	await tx.update(conversation).set({ lastMessageAt: row.createdAt }).where(eq(conversation.id, conversationId));
	// One's own message is read: it never counts as unread for its author.
	await tx
		.update(participant)
		.set({ lastReadAt: row.createdAt })
		.where(and(eq(participant.conversationId, conversationId), eq(participant.accountId, me.id)));
	const title = await findDisplayName(tx, me.id);
	const path = `/messages/${conversationId}`;
	await notify(
		tx,
		recipientIds.map((accountId) => ({
			accountId,
			kind: 'direct_message' as const,
			actorId: me.id,
			conversationId,
			payload: { title, excerpt: messageExcerpt(body), path }
		}))
	);
	await publish(tx, { type: 'direct_message', conversationId, messageId: id, accountIds: [me.id, ...recipientIds] });
	return { id };
}

/** Marks everything sent so far in the conversation as read by the viewer; NotFoundError for non-participants. */
export async function markConversationRead(db: Db, viewer: Viewer, conversationId: string): Promise<void> {
	if (!(await findConversationFor(db, viewer, conversationId))) throw new NotFoundError('No such conversation');
	const me = requireMember(viewer);
	const latest = sql`(select max(${directMessage.createdAt}) from ${directMessage} where ${directMessage.conversationId} = ${conversationId})`;
	await db
		.update(participant)
		.set({ lastReadAt: sql`greatest(coalesce(${participant.lastReadAt}, ${latest}), coalesce(${latest}, now()))` })
		.where(and(eq(participant.conversationId, conversationId), eq(participant.accountId, me.id)));
}
