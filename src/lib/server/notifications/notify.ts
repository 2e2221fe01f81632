import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { canSeeNotification, emailFrequencyFor } from '../../domain/notifications.ts';
import { newId } from '../../domain/ids.ts';
import { viewersOf } from '../accounts/index.ts';
import { schema, type Db } from '../db/index.ts';
import { publish } from '../realtime/publish.ts';
import { readPayload, notificationText } from './present.ts';
import { findRecipients, personalMailOff } from './queries.ts';
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
export async function notify(db: Db, items: NotificationInput[]): Promise<void> {
	const seen = new Set<string>();
	const rows = items.filter((i) => i.accountId !== i.actorId && !seen.has(i.accountId) && seen.add(i.accountId));
	if (!rows.length) return;
	const inserted = rows.map((r) => ({ ...r, id: newId(), payload: r.payload ?? {} }));
	await db.insert(schema.notification).values(inserted);
	await queueImmediateMail(db, inserted);
	await publish(db, ...rows.map((r) => ({ type: 'notification' as const, accountId: r.accountId })));
}

type Inserted = NotificationInput & { id: string; payload: Record<string, unknown> };

async function queueImmediateMail(db: Db, rows: Inserted[]): Promise<void> {
	const { notificationPreference: pref, mailOutbox } = schema;
	const withCommunity = rows.filter((r) => r.communityId);
	const prefs = withCommunity.length
		? await db
				.select({ accountId: pref.accountId, communityId: pref.communityId, email: pref.email })
				.from(pref)
				.where(or(...withCommunity.map((r) => and(eq(pref.accountId, r.accountId), eq(pref.communityId, r.communityId!)))))
		: [];
	const personalOff = await personalMailOff(
		db,
		rows.filter((r) => !r.communityId).map((r) => r.accountId)
	);
	const due = rows.filter((r) => {
		const p = prefs.find((x) => x.accountId === r.accountId && x.communityId === r.communityId)?.email ?? null;
		return emailFrequencyFor({ communityId: r.communityId ?? null }, p, personalOff.has(r.accountId)) === 'immediate';
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
