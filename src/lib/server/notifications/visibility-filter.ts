// Who may (still) be told about a notification: the domain rule canSeeNotification (domain/notifications.ts) for one
// loaded item, and its SQL twin for lists and counts. visibility.test.ts checks that the two agree.
//
// A thread's item defers to the discussions' own twin (visibleThreadFilter), a note's item to the notes' own
// (visibleNoteFilter, and findNotesWithFacts for the rule). Loading the facts of many items at once reads
// thread_community and the note's invitations in the same query (no batch loader elsewhere fits one statement).
import { sql, type SQL } from 'drizzle-orm';
import type { NotificationFacts } from '../../domain/notifications.ts';
import type { CommunityVisibility } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { queryRows, type Db } from '../db/index.ts';
import { participantFilter } from '../conversations/index.ts';
import { visibleThreadFilter } from '../discussions/index.ts';
import { findNotesWithFacts, visibleNoteFilter } from '../notes/index.ts';

const idList = (ids: readonly string[]) =>
	ids.length
		? sql.join(
				[...ids].map((id) => sql`${id}`),
				sql`, `
			)
		: sql`null`;

// The communities a thread is shown in (home and cross-posts: thread_community holds both), as rows aliased `c`.
const placesOf = (threadId: SQL) => sql`community c
	where c.id in (select tc.community_id from thread_community tc where tc.thread_id = ${threadId})`;

// An invitee sees their invitation's note until it is deleted (domain/notifications.ts, maySeeNoteOf).
const invitedTo = (accountId: string) => sql`(note.deleted_at is null and exists (
	select 1 from note_author na where na.note_id = note.id and na.account_id = ${accountId} and na.status = 'invited'))`;

/** SQL twin of canSeeNotification for the signed-in viewer, on rows of `notification`. */
export function visibleNotificationFilter(viewer: Viewer): SQL {
	if (viewer.kind !== 'account') return sql`false`;
	const readable = viewer.isAdmin ? sql`true` : sql`(c.visibility = 'public' or c.id in (${idList([...viewer.activeCommunityIds])}))`;
	return sql`(
		(notification.note_id is null or exists (
			select 1 from note where note.id = notification.note_id and (${visibleNoteFilter(viewer)} or ${invitedTo(viewer.id)})))
		and (notification.message_id is null or exists (
			select 1 from message m where m.id = notification.message_id and m.deleted_at is null and m.hidden_at is null))
		and (notification.conversation_id is null or exists (
			select 1 from conversation where conversation.id = notification.conversation_id and ${participantFilter(viewer)}))
		and case
			when notification.thread_id is not null then exists (
				select 1 from thread where thread.id = notification.thread_id and ${visibleThreadFilter(viewer)})
			when notification.community_id is not null then exists (select 1 from community c where c.id = notification.community_id and ${readable})
			else true
		end)`;
}

type FactsRow = {
	id: string;
	community_id: string | null;
	community_visibility: CommunityVisibility | null;
	thread_id: string | null;
	places: { id: string; visibility: CommunityVisibility }[] | string | null;
	message_gone: boolean;
	participants: string[] | string | null;
	conversation_id: string | null;
	note_id: string | null;
	note_invitees: string[] | string | null;
};

// node-postgres parses json columns; PGlite's raw queries may hand them over as text.
const parsed = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** What canSeeNotification needs, for each of these notifications, in one query. */
export async function loadNotificationFacts(db: Db, ids: readonly string[]): Promise<Map<string, NotificationFacts>> {
	if (!ids.length) return new Map();
	const rows = await queryRows<FactsRow>(
		db,
		sql`select n.id, n.community_id, nc.visibility as community_visibility, n.thread_id,
			(select json_agg(json_build_object('id', c.id, 'visibility', c.visibility)) from ${placesOf(sql`n.thread_id`)}) as places,
			(n.message_id is not null and not exists (
				select 1 from message m where m.id = n.message_id and m.deleted_at is null and m.hidden_at is null)) as message_gone,
			(select json_agg(cp.account_id) from conversation_participant cp where cp.conversation_id = n.conversation_id) as participants,
			n.conversation_id, n.note_id,
			(select json_agg(na.account_id) from note_author na where na.note_id = n.note_id and na.status = 'invited') as note_invitees
		from notification n left join community nc on nc.id = n.community_id
		where n.id in (${idList(ids)})`
	);
	const notes = await findNotesWithFacts(db, [...new Set(rows.map((r) => r.note_id).filter((id): id is string => id !== null))]);
	return new Map(
		rows.map((r) => {
			const places = parsed(r.places);
			const note = r.note_id ? notes.get(r.note_id) : undefined;
			const facts: NotificationFacts = {
				community: r.community_id && r.community_visibility ? { id: r.community_id, visibility: r.community_visibility } : null,
				threadPlaces: r.thread_id ? ((places as { id: string; visibility: CommunityVisibility }[] | null) ?? []) : null,
				messageGone: r.message_gone,
				conversationParticipants: r.conversation_id ? (parsed(r.participants) ?? []) : null,
				// A note that no longer exists took its notifications with it (on delete cascade).
				note: note ? { facts: note.facts, inviteeIds: parsed(r.note_invitees) ?? [] } : null
			};
			return [r.id, facts];
		})
	);
}
