import { inArray, sql } from 'drizzle-orm';
import { canSeeNotification, emailFrequencyFor, type EmailFrequency } from '../../domain/notifications.ts';
import { newId } from '../../domain/ids.ts';
import { viewersOf } from '../accounts/index.ts';
import { schema, type Db } from '../db/index.ts';
import { publish, type LiveEvent } from '../realtime/publish.ts';
import { readPayload, notificationText } from './present.ts';
import { findRecipients } from './queries.ts';
import { immediateMail } from './render-mail.ts';
import { loadNotificationFacts } from './visibility-filter.ts';

type NotificationKind = (typeof schema.notification.$inferInsert)['kind'];

export type NotificationInput = {
	accountId: string;
	kind: NotificationKind;
	actorId?: string | null;
	communityId?: string | null;
	threadId?: string | null;
	messageId?: string | null;
	noteId?: string | null;
	conversationId?: string | null;
	payload?: Record<string, unknown>;
};

/**
 * Records notifications, for the bell and for email, and tells each recipient's open pages. Call it inside the
 * transaction of what is notified, after deciding who may see it: nobody is notified of their own doing, and an
 * account is notified once per call.
 *
 * Those whose preference is "immediate" (and personal items: direct messages, co-author invitations) get their mail
 * queued in mail_outbox in this same transaction, with `emailed_at` set, so a rollback sends nothing and a commit
 * is delivered by the mail sender (mail-sender.ts) even after a crash. Daily and weekly items wait for the digest job.
 */
export async function notify(db: Db, items: NotificationInput[], also: { events?: LiveEvent[] } = {}): Promise<void> {
	const seen = new Set<string>();
	const rows = items.filter((i) => i.accountId !== i.actorId && !seen.has(i.accountId) && seen.add(i.accountId));
	const events = [...(also.events ?? []), ...rows.map((r) => ({ type: 'notification' as const, accountId: r.accountId }))];
	if (rows.length) {
		const inserted = rows.map((r) => ({ ...r, id: newId(), payload: r.payload ?? {} }));
		const { notification: n, notificationPreference: pref, notificationSetting: setting } = schema;
		// Each row comes back with its recipient's mail preference: one statement where a post must stay quick.
		// RETURNING names the new row's columns unqualified, which the subqueries would read as their own.
		const own = (column: string) => sql`${sql.identifier('notification')}.${sql.identifier(column)}`;
		const preferences = await db
			.insert(n)
			.values(inserted)
			.returning({
				id: n.id,
				community: sql<EmailFrequency | null>`(select ${pref.email} from ${pref}
					where ${pref.accountId} = ${own('account_id')} and ${pref.communityId} = ${own('community_id')})`,
				personalOff: sql<boolean>`exists (select 1 from ${setting}
					where ${setting.accountId} = ${own('account_id')} and ${setting.personalEmail} = 'off')`
			});
		await queueImmediateMail(db, inserted, new Map(preferences.map((p) => [p.id, p])));
	}
	// The write's own live events go with the notifications' in one statement.
	await publish(db, ...events);
}

type Inserted = NotificationInput & { id: string; payload: Record<string, unknown> };
type Preference = { community: EmailFrequency | null; personalOff: boolean };

async function queueImmediateMail(db: Db, rows: Inserted[], preferences: Map<string, Preference>): Promise<void> {
	const { mailOutbox } = schema;
	const due = rows.filter((r) => {
		const p = preferences.get(r.id);
		return emailFrequencyFor({ communityId: r.communityId ?? null }, p?.community ?? null, p?.personalOff ?? false) === 'immediate';
	});
	if (!due.length) return;

	// The caller decided who may see it; ask the rule again anyway, so a mistake upstream never becomes a mail.
	const facts = await loadNotificationFacts(
		db,
		due.map((r) => r.id)
	);
	const recipients = await findRecipients(
		db,
		due.map((r) => r.accountId)
	);
	const names = await namesOf(db, due);
	const viewers = await viewersOf(
		db,
		due.map((r) => r.accountId)
	);
	const outbox: (typeof mailOutbox.$inferInsert)[] = [];
	const emailed: string[] = [];
	for (const r of due) {
		const to = recipients.get(r.accountId);
		const f = facts.get(r.id);
		const viewer = viewers.get(r.accountId);
		if (!to || !to.verified || !f || !viewer || !canSeeNotification(viewer, f)) continue;
		const p = readPayload(r.payload);
		const communityName = (r.communityId && names.communities.get(r.communityId)) || '';
		const text = notificationText(
			r.kind,
			{ actor: names.actors.get(r.actorId ?? '') ?? '', title: p.title, community: communityName },
			to.locale
		);
		const mail = immediateMail(to.locale, { text, excerpt: p.excerpt, path: p.path, communityId: r.communityId ?? null, communityName });
		outbox.push({ id: newId(), accountId: r.accountId, kind: `notification:${r.kind}`, recipient: to.email, ...mail });
		emailed.push(r.id);
	}
	if (!outbox.length) return;
	await db.insert(mailOutbox).values(outbox);
	await db
		.update(schema.notification)
		.set({ emailedAt: sql`now()` })
		.where(inArray(schema.notification.id, emailed));
}

async function namesOf(db: Db, rows: Inserted[]) {
	const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
	const communityIds = [...new Set(rows.map((r) => r.communityId).filter((x): x is string => !!x))];
	const actors = actorIds.length
		? await db
				.select({ id: schema.profile.accountId, name: schema.profile.displayName })
				.from(schema.profile)
				.where(inArray(schema.profile.accountId, actorIds))
		: [];
	const communities = communityIds.length
		? await db
				.select({ id: schema.community.id, name: schema.community.name })
				.from(schema.community)
				.where(inArray(schema.community.id, communityIds))
		: [];
	return { actors: new Map(actors.map((a) => [a.id, a.name])), communities: new Map(communities.map((c) => [c.id, c.name])) };
}
