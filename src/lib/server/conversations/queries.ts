import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { participantFilter } from './visibility-filter.ts';

const { conversation, conversationParticipant: participant, directMessage, profile } = schema;

/** Messages of the others after the account's last reading: its unread ones in that conversation. */
// Written with explicit table names: Drizzle leaves the columns of a select list unqualified, which inside a
// subquery would bind "id" to the subquery's own table.
const unreadOf = (accountId: string) => sql<number>`(select count(*)::int from direct_message dm
	join conversation_participant p on p.conversation_id = dm.conversation_id and p.account_id = ${accountId}
	where dm.conversation_id = "conversation"."id"
		and dm.deleted_at is null
		and dm.author_id is distinct from ${accountId}
		and (p.last_read_at is null or dm.created_at > p.last_read_at))`;

/** The conversation when the viewer takes part in it; undefined otherwise (missing and hidden alike). */
export const findConversationFor = async (db: Db, viewer: Viewer, id: string) =>
	viewer.kind !== 'account'
		? undefined
		: (
				await db
					.select({
						id: conversation.id,
						noteId: conversation.noteId,
						createdBy: conversation.createdBy,
						lastMessageAt: conversation.lastMessageAt,
						unread: unreadOf(viewer.id)
					})
					.from(conversation)
					.where(and(eq(conversation.id, id), participantFilter(viewer)))
			)[0];

/** Participants of these conversations with their names, by conversation, in the order they joined. */
export async function listParticipants(db: Db, conversationIds: string[]) {
	const out = new Map<string, { accountId: string; handle: string; displayName: string }[]>();
	if (!conversationIds.length) return out;
	const rows = await db
		.select({
			conversationId: participant.conversationId,
			accountId: participant.accountId,
			handle: profile.handle,
			displayName: profile.displayName
		})
		.from(participant)
		.innerJoin(profile, eq(profile.accountId, participant.accountId))
		.where(inArray(participant.conversationId, conversationIds))
		.orderBy(asc(participant.joinedAt), asc(profile.displayName));
	for (const { conversationId, ...p } of rows) out.set(conversationId, [...(out.get(conversationId) ?? []), p]);
	return out;
}

/** The viewer's conversations, newest message first, with their unread counts and last message. */
export const listConversationRows = (db: Db, viewer: Extract<Viewer, { kind: 'account' }>, after: string[] | null, limit: number) =>
	db
		.select({
			id: conversation.id,
			noteId: conversation.noteId,
			lastMessageAt: conversation.lastMessageAt,
			cursorAt: sql<string>`to_char("conversation"."last_message_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
			unread: unreadOf(viewer.id),
			lastMessage: sql<string | null>`(select dm.body from direct_message dm
				where dm.conversation_id = "conversation"."id" and dm.deleted_at is null
				order by dm.created_at desc, dm.id desc limit 1)`
		})
		.from(conversation)
		.where(
			and(
				participantFilter(viewer),
				after
					? sql`(${conversation.lastMessageAt}, ${conversation.id}) < ((${after[0]}::timestamp at time zone 'UTC'), ${after[1]})`
					: undefined
			)
		)
		.orderBy(desc(conversation.lastMessageAt), desc(conversation.id))
		.limit(limit + 1);

/** Unread messages over all the viewer's conversations: the count beside "Messages" in the header. */
export async function countUnread(db: Db, viewer: Viewer): Promise<number> {
	if (viewer.kind !== 'account') return 0;
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(directMessage)
		.innerJoin(participant, and(eq(participant.conversationId, directMessage.conversationId), eq(participant.accountId, viewer.id)))
		.where(
			and(
				isNull(directMessage.deletedAt),
				sql`${directMessage.authorId} is distinct from ${viewer.id}`,
				sql`(${participant.lastReadAt} is null or ${directMessage.createdAt} > ${participant.lastReadAt})`
			)
		);
	return Number(row?.n ?? 0);
}

/** A page of messages, newest first (the caller reverses it), older than the cursor's. */
export const listMessageRows = (db: Db, conversationId: string, after: string[] | null, limit: number) =>
	db
		.select({
			id: directMessage.id,
			authorId: directMessage.authorId,
			body: directMessage.body,
			createdAt: directMessage.createdAt,
			editedAt: directMessage.editedAt,
			cursorAt: sql<string>`to_char("direct_message"."created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
			handle: profile.handle,
			displayName: profile.displayName
		})
		.from(directMessage)
		.leftJoin(profile, eq(profile.accountId, directMessage.authorId))
		.where(
			and(
				eq(directMessage.conversationId, conversationId),
				isNull(directMessage.deletedAt),
				after
					? sql`(${directMessage.createdAt}, ${directMessage.id}) < ((${after[0]}::timestamp at time zone 'UTC'), ${after[1]})`
					: undefined
			)
		)
		.orderBy(desc(directMessage.createdAt), desc(directMessage.id))
		.limit(limit + 1);

/** An existing conversation of exactly these people about this note (or none), to reopen rather than duplicate. */
export async function findSameConversation(db: Db, participantIds: string[], noteId: string | null): Promise<string | undefined> {
	const [row] = await db
		.select({ id: conversation.id })
		.from(conversation)
		.where(
			and(
				noteId ? eq(conversation.noteId, noteId) : isNull(conversation.noteId),
				sql`(select count(*) from conversation_participant cp where cp.conversation_id = "conversation"."id") = ${participantIds.length}`,
				sql`(select count(*) from conversation_participant cp where cp.conversation_id = "conversation"."id"
					and cp.account_id in (${sql.join(
						participantIds.map((i) => sql`${i}`),
						sql`, `
					)})) = ${participantIds.length}`
			)
		)
		.orderBy(desc(conversation.lastMessageAt))
		.limit(1);
	return row?.id;
}

/** Accounts by handle (case aside), with their names. */
export const findAccountsByHandle = (db: Db, handles: string[]) =>
	handles.length
		? db
				.select({ accountId: profile.accountId, handle: profile.handle, displayName: profile.displayName })
				.from(profile)
				.where(inArray(sql`lower(${profile.handle})`, handles))
		: Promise.resolve([]);

export const findDisplayName = async (db: Db, accountId: string) =>
	(await db.select({ displayName: profile.displayName }).from(profile).where(eq(profile.accountId, accountId)))[0]?.displayName ?? '';
