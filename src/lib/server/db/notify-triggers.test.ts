// The page cache's change signal (migration 0004): which tables send it, and that the writing process hears it
// before its write returns, on both backends.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { PAGES_CHANNEL } from '../page-cache/index.ts';
import { queryRows } from './index.ts';

const t = useTestContext();

// Tables no cached page shows (pending invitations, direct messages and notifications are only ever shown to
// signed-in people; a thread's tags, mentions, attachments and other communities are not on the note page): writing
// them (every sign-in, every token use, every notification) must not empty the page cache.
const INVISIBLE = [
	'session',
	'account',
	'verification',
	'rate_limit',
	'api_token',
	'admin_view',
	'notebook_invitation',
	'thread_community',
	'message_tag',
	'message_mention',
	'message_attachment',
	'message_report',
	'conversation',
	'conversation_participant',
	'direct_message',
	'notification',
	'notification_preference',
	'notification_setting',
	'mail_outbox',
	'job_schedule'
];
// AFTER, FOR EACH STATEMENT, on INSERT (4), DELETE (8), UPDATE (16) and TRUNCATE (32): pg_trigger.tgtype bits.
const ALL_WRITES_PER_STATEMENT = 4 + 8 + 16 + 32;

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('page cache notifications', () => {
	it('come from every table a page may show, and only from those', async () => {
		const rows = await queryRows<{ table: string; tgtype: number | null }>(
			t.ctx.db,
			sql`SELECT c.relname AS "table", tr.tgtype AS tgtype
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				LEFT JOIN pg_trigger tr ON tr.tgrelid = c.oid AND tr.tgname = 'page_cache_notify'
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`
		);
		const missing = rows.filter((r) => r.tgtype === null && !INVISIBLE.includes(r.table)).map((r) => r.table);
		// A new table: add its trigger in a migration if a page shows it, else list it in INVISIBLE.
		expect(missing, 'tables without the page_cache_notify trigger').toEqual([]);
		expect(rows.filter((r) => r.tgtype !== null && INVISIBLE.includes(r.table)).map((r) => r.table)).toEqual([]);
		for (const row of rows.filter((r) => r.tgtype !== null)) expect(Number(row.tgtype), row.table).toBe(ALL_WRITES_PER_STATEMENT);
		expect(rows.map((r) => r.table)).toEqual(expect.arrayContaining(['note', 'note_link', 'profile', 'community']));
	});

	it('reach this process before the write returns, and after the commit only', async () => {
		let heard = 0;
		const stop = await t.database.listen(PAGES_CHANNEL, () => heard++);
		try {
			// A statement trigger fires even when no row matches, so nothing has to be made first.
			await t.ctx.db.execute(sql`UPDATE profile SET bio = bio WHERE false`);
			expect(heard).toBeGreaterThan(0);
			// On PostgreSQL the other listening connections hear it too, a little later.
			await settle();

			const before = heard;
			await t.ctx.db.transaction(async (tx) => {
				await tx.execute(sql`UPDATE note SET title = title WHERE false`);
				await tx.execute(sql`DELETE FROM note_link WHERE false`);
				// Not before the commit: a render now still sees the old rows and may be cached.
				expect(heard).toBe(before);
			});
			expect(heard).toBeGreaterThan(before);
			await settle();

			const rolledBack = heard;
			await t.ctx.db
				.transaction(async (tx) => {
					await tx.execute(sql`UPDATE community SET name = name WHERE false`);
					throw new Error('abandon');
				})
				.catch(() => undefined);
			await settle();
			expect(heard).toBe(rolledBack);
		} finally {
			await stop();
		}
	});

	it('do not come from sign-ins, sessions or rate limits', async () => {
		let heard = 0;
		const stop = await t.database.listen(PAGES_CHANNEL, () => heard++);
		try {
			for (const table of INVISIBLE) await t.ctx.db.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE false`);
			await settle();
			expect(heard).toBe(0);
		} finally {
			await stop();
		}
	});
});
