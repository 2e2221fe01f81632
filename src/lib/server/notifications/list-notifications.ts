import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { decodeCursor, pageOf } from '../db/cursor.ts';
import type { Db } from '../db/index.ts';
import { presentNotification, type NotificationView } from './present.ts';
import { countUnreadNotifications, listNotificationRows, markAllRead, markRead } from './queries.ts';
import type { ListNotificationsQuery } from './schemas.ts';

type Account = Extract<Viewer, { kind: 'account' }>;

/**
 * One page of the viewer's notifications, newest first, in their language; only those they may still see (someone
 * who left a closed community no longer sees its items). Signed-in callers only.
 */
export async function listNotifications(
	db: Db,
	viewer: Account,
	lang: 'fr' | 'en',
	query: ListNotificationsQuery
): Promise<{ items: NotificationView[]; unread: number; next: string | null }> {
	const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
	if (after && !/^\d{4}-\d{2}-\d{2}[ T][\d:.]+(Z|[+-]\d{2}(:?\d{2})?)?$/.test(after[0]))
		throw new ValidationError('Unknown cursor', { cursor: ['cursor_invalid'] });
	const cursor = after ? { sortKey: after[0], id: after[1] } : undefined;
	const rows = await listNotificationRows(db, viewer, query.limit + 1, cursor);
	const { page, next } = pageOf(rows, query.limit, (r) => [r.sortKey, r.id]);
	return { items: page.map((r) => presentNotification(r, lang)), unread: await countUnreadNotifications(db, viewer), next };
}

/** The bell's number: unread notifications the viewer may see (0 for anonymous viewers). */
export const countUnread = (db: Db, viewer: Viewer) => countUnreadNotifications(db, viewer);

/** Marks one notification read; NotFoundError when it is not the viewer's or hidden from them. */
export async function markNotificationRead(db: Db, viewer: Account, id: string): Promise<void> {
	if (!(await markRead(db, viewer, id))) throw new NotFoundError('No such notification');
}

/** Marks all the viewer's notifications read; returns how many were unread. */
export const markAllNotificationsRead = (db: Db, viewer: Account) => markAllRead(db, viewer);
