// The daily and weekly digests. A run is claimed by moving job_schedule.next_run_at forward with a conditional
// UPDATE, in the same transaction that queues the mails and sets notification.emailed_at: two processes (or a
// restart in the middle) can never both run it, an item is never in two mails, and a rollback leaves everything as
// it was. A run missed while the app was down is due at the next check, which start-up makes.
import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import {
	canSeeNotification,
	DEFAULT_EMAIL_FREQUENCY,
	DIGEST_LOOKBACK_DAYS,
	groupDigest,
	nextDigestRun,
	type DigestFrequency,
	type DigestItem
} from '../../domain/notifications.ts';
import { newId } from '../../domain/ids.ts';
import { viewerOf } from '../accounts/index.ts';
import type { Ctx } from '../context.ts';
import { schema, type Db } from '../db/index.ts';
import { notificationText, readPayload } from './present.ts';
import { findRecipients } from './queries.ts';
import { digestMail } from './render-mail.ts';
import { loadNotificationFacts } from './visibility-filter.ts';

const { notification, notificationPreference: pref, jobSchedule, mailOutbox, community, profile } = schema;

export const jobName = (frequency: DigestFrequency) => `digest-${frequency}`;

/** Claims the run if it is due at `now`; false when it is not due or another process has it. */
async function claimRun(tx: Db, frequency: DigestFrequency, now: Date): Promise<boolean> {
	const next = nextDigestRun(frequency, now);
	// The first start schedules the first run; there is nothing to make up on a new instance.
	await tx
		.insert(jobSchedule)
		.values({ name: jobName(frequency), nextRunAt: next })
		.onConflictDoNothing();
	const claimed = await tx
		.update(jobSchedule)
		.set({ nextRunAt: next, lastRunAt: now })
		.where(and(eq(jobSchedule.name, jobName(frequency)), lte(jobSchedule.nextRunAt, now)))
		.returning({ name: jobSchedule.name });
	return claimed.length > 0;
}

/** Unsent, unread items of communities whose members chose this frequency (or have the default and it is this one). */
async function listCandidates(tx: Db, frequency: DigestFrequency, now: Date) {
	const since = new Date(now.getTime() - DIGEST_LOOKBACK_DAYS[frequency] * 86_400_000);
	return tx
		.select({
			id: notification.id,
			accountId: notification.accountId,
			kind: notification.kind,
			communityId: notification.communityId,
			threadId: notification.threadId,
			payload: notification.payload,
			createdAt: notification.createdAt,
			communityName: community.name,
			actorName: profile.displayName
		})
		.from(notification)
		.innerJoin(community, eq(community.id, notification.communityId))
		.leftJoin(profile, eq(profile.accountId, notification.actorId))
		.leftJoin(pref, and(eq(pref.accountId, notification.accountId), eq(pref.communityId, notification.communityId)))
		.where(
			and(
				isNull(notification.emailedAt),
				isNull(notification.readAt),
				gte(notification.createdAt, since),
				lte(notification.createdAt, now),
				sql`coalesce(${pref.email}, ${DEFAULT_EMAIL_FREQUENCY}) = ${frequency}`
			)
		);
}

/**
 * Runs the digest of this frequency if it is due at `now`: per recipient, the items they may still see (asked again
 * now: someone who left a closed community since is told nothing of it), grouped by community and thread, in one
 * mail queued in mail_outbox. Items already read in the app are not mailed. Returns how many mails were queued, or
 * null when the run was not due or was claimed elsewhere.
 */
export async function runDigest(ctx: Ctx, frequency: DigestFrequency, now = new Date()): Promise<number | null> {
	return ctx.db.transaction(async (tx) => {
		if (!(await claimRun(tx, frequency, now))) return null;
		const candidates = await listCandidates(tx, frequency, now);
		if (!candidates.length) return 0;
		const byAccount = Map.groupBy(candidates, (c) => c.accountId);
		const recipients = await findRecipients(tx, [...byAccount.keys()]);
		const facts = await loadNotificationFacts(
			tx,
			candidates.map((c) => c.id)
		);
		let queued = 0;
		for (const [accountId, items] of byAccount) {
			const to = recipients.get(accountId);
			if (!to?.verified) continue;
			const viewer = await viewerOf(tx, accountId);
			const visible = items.filter((i) => {
				const f = facts.get(i.id);
				return f !== undefined && canSeeNotification(viewer, f);
			});
			if (!visible.length) continue;
			// Claim the items themselves too: whatever else may run (a preference changed mid-run), each goes out once.
			const claimed = new Set(
				(
					await tx
						.update(notification)
						.set({ emailedAt: now })
						.where(
							and(
								inArray(
									notification.id,
									visible.map((i) => i.id)
								),
								isNull(notification.emailedAt)
							)
						)
						.returning({ id: notification.id })
				).map((r) => r.id)
			);
			const digestItems: DigestItem[] = visible
				.filter((i) => claimed.has(i.id))
				.map((i) => {
					const p = readPayload(i.payload);
					const text = notificationText(i.kind, { actor: i.actorName ?? '', title: p.title, community: i.communityName }, to.locale);
					return {
						id: i.id,
						communityId: i.communityId,
						communityName: i.communityName,
						threadId: i.threadId,
						title: i.threadId && p.title ? p.title : text,
						path: p.path,
						createdAt: i.createdAt
					};
				});
			if (!digestItems.length) continue;
			const mail = digestMail(to.locale, frequency, groupDigest(digestItems));
			await tx.insert(mailOutbox).values({ id: newId(), accountId, kind: `digest:${frequency}`, recipient: to.email, ...mail });
			queued++;
		}
		return queued;
	});
}
