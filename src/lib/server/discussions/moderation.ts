// Hosts' moderation: hide a message, lock a thread, read and resolve reports. Hosts of any community a thread is
// shown in moderate it; admins may. Any member who may read a message reports it, once.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import { canReportMessage, excerpt, plainText } from '../../domain/discussions.ts';
import { newId } from '../../domain/ids.ts';
import { canManageCommunity, canReadThread } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { findCommunityBySlug } from '../communities/index.ts';
import { schema, type Db } from '../db/index.ts';
import { publish } from '../realtime/publish.ts';
import { messageAccess, threadAccess, type ThreadAccess } from './access.ts';
import { hostedCommunities } from './queries.ts';
import type { ReportInput } from './schemas.ts';

const { message, messageReport, thread, threadCommunity, profile } = schema;

function refuseUnlessHost(access: ThreadAccess): void {
	if (!access.canModerate) throw new ForbiddenError('Only hosts moderate', { _: ['discussion_hosts_only'] });
}

/** A host hides a message (its text is then shown to hosts only) or shows it again. */
export async function setMessageHidden(db: Db, viewer: Viewer, messageId: string, hidden: boolean): Promise<void> {
	const access = await messageAccess(db, viewer, messageId);
	refuseUnlessHost(access);
	const by = viewer.kind === 'account' ? viewer.id : null;
	await db.transaction(async (tx) => {
		await tx
			.update(message)
			.set(hidden ? { hiddenAt: sql`coalesce(${message.hiddenAt}, now())`, hiddenBy: by } : { hiddenAt: null, hiddenBy: null })
			.where(eq(message.id, messageId));
		const change = hidden ? 'hidden' : 'shown';
		await publish(tx, { type: 'message', change, threadId: access.thread.id, messageId, communityIds: access.facts.communityIds.slice() });
	});
}

/** A host locks a thread (no new messages) or opens it again. */
export async function setThreadLocked(db: Db, viewer: Viewer, threadId: string, locked: boolean): Promise<void> {
	const access = await threadAccess(db, viewer, threadId);
	refuseUnlessHost(access);
	const by = viewer.kind === 'account' ? viewer.id : null;
	await db.transaction(async (tx) => {
		await tx
			.update(thread)
			.set(locked ? { lockedAt: sql`coalesce(${thread.lockedAt}, now())`, lockedBy: by } : { lockedAt: null, lockedBy: null })
			.where(eq(thread.id, threadId));
		await publish(tx, {
			type: 'thread',
			change: locked ? 'locked' : 'unlocked',
			threadId,
			communityIds: access.facts.communityIds.slice()
		});
	});
}

/** A member who may read a message reports it to the hosts, with a reason; once per member and message. */
export async function reportMessage(
	db: Db,
	viewer: Viewer,
	messageId: string,
	input: ReportInput
): Promise<{ id: string; createdAt: Date }> {
	if (viewer.kind !== 'account') throw new UnauthorizedError('Sign in to report');
	const access = await messageAccess(db, viewer, messageId);
	if (!canReportMessage(viewer, { authorId: access.message.authorId, deleted: access.message.deletedAt !== null }))
		throw new ForbiddenError('This message cannot be reported', { _: ['discussion_report_refused'] });
	const [row] = await db
		.insert(messageReport)
		.values({ id: newId(), messageId, reporterId: viewer.id, reason: input.reason })
		.onConflictDoNothing()
		.returning({ id: messageReport.id, createdAt: messageReport.createdAt });
	if (!row) throw new ConflictError('Already reported', { _: ['discussion_report_already'] });
	return row;
}

/** The community, when the viewer hosts it (admins too); missing when they may not see it, 403 otherwise. */
async function hostedCommunity(db: Db, viewer: Viewer, slug: string) {
	const c = await findCommunityBySlug(db, slug);
	if (!c || !canReadThread(viewer, [c])) throw new NotFoundError('No such community');
	const hosted = await hostedCommunities(db, viewer);
	const membership = hosted.has(c.id) ? ({ role: 'host', status: 'active' } as const) : null;
	if (!canManageCommunity(viewer, membership)) throw new ForbiddenError('Only hosts see reports', { _: ['discussion_hosts_only'] });
	return c;
}

/** Open reports of messages in threads shown in a community, oldest first, for its hosts. */
export async function listReports(db: Db, viewer: Viewer, slug: string) {
	const c = await hostedCommunity(db, viewer, slug);
	const reporter = sql<string>`(select ${profile.handle} from ${profile} where ${profile.accountId} = ${messageReport.reporterId})`;
	const reporterName = sql<string>`(select ${profile.displayName} from ${profile} where ${profile.accountId} = ${messageReport.reporterId})`;
	const rows = await db
		.select({
			id: messageReport.id,
			reason: messageReport.reason,
			createdAt: messageReport.createdAt,
			reporterHandle: reporter,
			reporterName,
			messageId: message.id,
			threadId: message.threadId,
			body: message.body,
			hidden: sql<boolean>`${message.hiddenAt} is not null`,
			deleted: sql<boolean>`${message.deletedAt} is not null`,
			authorHandle: profile.handle,
			authorName: profile.displayName
		})
		.from(messageReport)
		.innerJoin(message, eq(message.id, messageReport.messageId))
		.leftJoin(profile, eq(profile.accountId, message.authorId))
		.where(
			and(
				sql`${messageReport.resolvedAt} is null`,
				inArray(
					message.threadId,
					db.select({ id: threadCommunity.threadId }).from(threadCommunity).where(eq(threadCommunity.communityId, c.id))
				)
			)
		)
		.orderBy(asc(messageReport.createdAt), asc(messageReport.id));
	return {
		community: { slug: c.slug, name: c.name },
		reports: rows.map((r) => ({
			id: r.id,
			reason: r.reason,
			createdAt: r.createdAt,
			reporter: r.reporterHandle ? { handle: r.reporterHandle, name: r.reporterName } : null,
			author: r.authorHandle ? { handle: r.authorHandle, name: r.authorName ?? '' } : null,
			messageId: r.messageId,
			threadId: r.threadId,
			excerpt: r.deleted ? '' : excerpt(plainText(r.body), 300),
			hidden: r.hidden,
			deleted: r.deleted
		}))
	};
}

/** A host of the community marks a report resolved (after hiding the message, or deciding it is fine). */
export async function resolveReport(db: Db, viewer: Viewer, slug: string, reportId: string): Promise<void> {
	const c = await hostedCommunity(db, viewer, slug);
	const [row] = await db
		.update(messageReport)
		.set({ resolvedAt: new Date(), resolvedBy: viewer.kind === 'account' ? viewer.id : null })
		.where(
			and(
				eq(messageReport.id, reportId),
				sql`${messageReport.resolvedAt} is null`,
				sql`exists (select 1 from ${message} join ${threadCommunity} on ${threadCommunity.threadId} = ${message.threadId}
					where ${message.id} = ${messageReport.messageId} and ${threadCommunity.communityId} = ${c.id})`
			)
		)
		.returning({ id: messageReport.id });
	if (!row) throw new NotFoundError('No such open report');
}
