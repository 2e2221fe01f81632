// Queries of the notifications capability: its own tables (notification, notification_preference,
// notification_setting, mail_outbox).
// Names of actors and communities are joined for display only; what the viewer may see goes through the filter.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { EmailFrequency } from '../../domain/notifications.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { schema, type Db } from '../db/index.ts';
import { visibleNotificationFilter } from './visibility-filter.ts';

const { notification, notificationPreference, notificationSetting, community, profile } = schema;

export type NotificationRow = {
	id: string;
	kind: (typeof notification.$inferSelect)['kind'];
	payload: Record<string, unknown>;
	createdAt: Date;
	readAt: Date | null;
	communityName: string | null;
	communitySlug: string | null;
	actorName: string | null;
	actorHandle: string | null;
};

export type Cursor = { sortKey: string; id: string };

/** The viewer's notifications they may still see, newest first, after `cursor`. */
export async function listNotificationRows(db: Db, viewer: Extract<Viewer, { kind: 'account' }>, limit: number, cursor?: Cursor) {
	const rows = await db
		.select({
			id: notification.id,
			kind: notification.kind,
			payload: notification.payload,
			createdAt: notification.createdAt,
			readAt: notification.readAt,
			communityName: community.name,
			communitySlug: community.slug,
			actorName: profile.displayName,
			actorHandle: profile.handle,
			// Microseconds included: a JavaScript Date would round them away and the cursor skip or repeat a row.
			sortKey: sql<string>`${notification.createdAt}::text`
		})
		.from(notification)
		.leftJoin(community, eq(community.id, notification.communityId))
		.leftJoin(profile, eq(profile.accountId, notification.actorId))
		.where(
			and(
				eq(notification.accountId, viewer.id),
				visibleNotificationFilter(viewer),
				cursor ? sql`(${notification.createdAt}, ${notification.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id})` : undefined
			)
		)
		.orderBy(desc(notification.createdAt), desc(notification.id))
		.limit(limit);
	return rows as (NotificationRow & { sortKey: string })[];
}

/** How many unread notifications the viewer may see: the bell's number. */
export async function countUnreadNotifications(db: Db, viewer: Viewer): Promise<number> {
	if (viewer.kind !== 'account') return 0;
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(notification)
		.where(and(eq(notification.accountId, viewer.id), isNull(notification.readAt), visibleNotificationFilter(viewer)));
	return row.n;
}

/** Marks one of the viewer's notifications read; false when it is not theirs or hidden from them. */
export async function markRead(db: Db, viewer: Extract<Viewer, { kind: 'account' }>, id: string): Promise<boolean> {
	const rows = await db
		.update(notification)
		.set({ readAt: sql`coalesce(${notification.readAt}, now())` })
		.where(and(eq(notification.id, id), eq(notification.accountId, viewer.id), visibleNotificationFilter(viewer)))
		.returning({ id: notification.id });
	return rows.length > 0;
}

/** Marks every unread notification of the viewer read; returns how many. */
export async function markAllRead(db: Db, viewer: Extract<Viewer, { kind: 'account' }>): Promise<number> {
	const rows = await db
		.update(notification)
		.set({ readAt: sql`now()` })
		.where(and(eq(notification.accountId, viewer.id), isNull(notification.readAt)))
		.returning({ id: notification.id });
	return rows.length;
}

/** The account's stored email preferences, by community id (absent: the default). */
export async function findPreferences(db: Db, accountId: string): Promise<Map<string, EmailFrequency>> {
	const rows = await db
		.select({ communityId: notificationPreference.communityId, email: notificationPreference.email })
		.from(notificationPreference)
		.where(eq(notificationPreference.accountId, accountId));
	return new Map(rows.map((r) => [r.communityId, r.email]));
}

export async function upsertPreference(db: Db, accountId: string, communityId: string, email: EmailFrequency): Promise<void> {
	await db
		.insert(notificationPreference)
		.values({ accountId, communityId, email })
		.onConflictDoUpdate({
			target: [notificationPreference.accountId, notificationPreference.communityId],
			set: { email, updatedAt: new Date() }
		});
}

/** Whether the account turned off mail about what concerns it personally (direct messages, co-author invitations). */
export async function isPersonalMailOff(db: Db, accountId: string): Promise<boolean> {
	return (await personalMailOff(db, [accountId])).has(accountId);
}

/** Those of these accounts who turned personal mail off. */
export async function personalMailOff(db: Db, accountIds: readonly string[]): Promise<Set<string>> {
	if (!accountIds.length) return new Set();
	const rows = await db
		.select({ accountId: notificationSetting.accountId })
		.from(notificationSetting)
		.where(and(inArray(notificationSetting.accountId, [...accountIds]), eq(notificationSetting.personalEmail, 'off')));
	return new Set(rows.map((r) => r.accountId));
}

export async function setPersonalMailOff(db: Db, accountId: string, off: boolean): Promise<void> {
	const personalEmail = off ? 'off' : 'immediate';
	await db
		.insert(notificationSetting)
		.values({ accountId, personalEmail })
		.onConflictDoUpdate({ target: notificationSetting.accountId, set: { personalEmail, updatedAt: new Date() } });
}

/** Address, language and name of each recipient: what a mail to them needs. */
export async function findRecipients(db: Db, accountIds: readonly string[]) {
	if (!accountIds.length) return new Map<string, { email: string; locale: 'fr' | 'en'; verified: boolean }>();
	const rows = await db
		.select({ id: schema.user.id, email: schema.user.email, verified: schema.user.emailVerified, locale: profile.locale })
		.from(schema.user)
		.leftJoin(profile, eq(profile.accountId, schema.user.id))
		.where(
			sql`${schema.user.id} in (${sql.join(
				accountIds.map((id) => sql`${id}`),
				sql`, `
			)})`
		);
	return new Map(rows.map((r) => [r.id, { email: r.email, locale: r.locale ?? 'fr', verified: r.verified }]));
}
