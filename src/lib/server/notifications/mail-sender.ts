// Delivers mail_outbox after the commit that queued it. Every app process runs one; on PostgreSQL a row is claimed
// with FOR UPDATE SKIP LOCKED inside a short transaction per mail, so two processes never send the same row and a
// crash mid-send releases it (the mail may then go out twice: SMTP is at-least-once, ADR 10). PGlite has a single
// connection that a transaction would hold through the SMTP conversation, and a single process: there the row is
// read and marked without one, and this module's own loop is the only sender.
import { and, asc, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { signUnsubscribeToken } from '../../domain/notifications.ts';
import type { Ctx } from '../context.ts';
import { schema, type Db } from '../db/index.ts';
import { EVENTS_CHANNEL } from '../realtime/publish.ts';
import { ORIGIN, SCOPE_HEADER, UNSUBSCRIBE } from './render-mail.ts';

const { mailOutbox } = schema;
type OutboxRow = typeof mailOutbox.$inferSelect;

/** A row that failed this many times stays unsent, with its last error, for the operator to see. */
export const MAX_ATTEMPTS = 5;

/** The absolute unsubscribe URL of a queued mail, and the mail as it is sent: markers replaced, RFC 8058 headers. */
export function finalizeMail(
	row: Pick<OutboxRow, 'accountId' | 'recipient' | 'subject' | 'text' | 'html' | 'headers'>,
	cfg: Ctx['config']
) {
	const headers = { ...(row.headers as Record<string, string>) };
	const scope = headers[SCOPE_HEADER];
	delete headers[SCOPE_HEADER];
	const lang = headers['Content-Language'] === 'en' ? 'en' : 'fr';
	let unsubscribe = `${cfg.publicUrl}/${lang}/settings/notifications`;
	if (scope && row.accountId) {
		const token = signUnsubscribeToken(cfg.authSecret, { accountId: row.accountId, communityId: scope === '*' ? null : scope });
		unsubscribe = `${cfg.publicUrl}/${lang}/unsubscribe/${token}`;
		// No mailto: this instance reads no incoming mail. The https link alone satisfies RFC 8058.
		headers['List-Unsubscribe'] = `<${unsubscribe}>`;
		headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	const fill = (s: string) => s.replaceAll(ORIGIN, cfg.publicUrl).replaceAll(UNSUBSCRIBE, unsubscribe);
	return {
		to: row.recipient,
		subject: fill(row.subject),
		text: fill(row.text),
		html: row.html ? fill(row.html) : undefined,
		headers,
		link: unsubscribe
	};
}

const unsent = (skip: string[]) =>
	and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAX_ATTEMPTS), skip.length ? notInArray(mailOutbox.id, skip) : undefined);

async function sendOne(ctx: Ctx, db: Db, row: OutboxRow): Promise<void> {
	try {
		await ctx.mailer.send(finalizeMail(row, ctx.config));
		await db
			.update(mailOutbox)
			.set({ sentAt: sql`now()`, attempts: row.attempts + 1, lastError: null })
			.where(eq(mailOutbox.id, row.id));
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		await db
			.update(mailOutbox)
			.set({ attempts: row.attempts + 1, lastError: message.slice(0, 500) })
			.where(eq(mailOutbox.id, row.id));
		console.error(`[mail] sending ${row.id} failed (attempt ${row.attempts + 1}): ${message}`);
	}
}

/**
 * Sends what is waiting, oldest first, each row tried once per call; returns how many were sent. `exclusive`: this
 * process is the database's only one (PGlite), so no row locks are taken.
 */
export async function deliverOutbox(ctx: Ctx, options: { exclusive: boolean }): Promise<number> {
	const tried: string[] = [];
	let sent = 0;
	for (;;) {
		let row: OutboxRow | undefined;
		if (options.exclusive) {
			[row] = await ctx.db.select().from(mailOutbox).where(unsent(tried)).orderBy(asc(mailOutbox.createdAt)).limit(1);
			if (!row) return sent;
			tried.push(row.id);
			await sendOne(ctx, ctx.db, row);
		} else {
			const found = await ctx.db.transaction(async (tx) => {
				const [claimed] = await tx
					.select()
					.from(mailOutbox)
					.where(unsent(tried))
					.orderBy(asc(mailOutbox.createdAt))
					.limit(1)
					.for('update', { skipLocked: true });
				if (!claimed) return undefined;
				await sendOne(ctx, tx, claimed);
				return claimed;
			});
			if (!found) return sent;
			row = found;
			tried.push(row.id);
		}
		const [after] = await ctx.db.select({ sentAt: mailOutbox.sentAt }).from(mailOutbox).where(eq(mailOutbox.id, row.id));
		if (after?.sentAt) sent++;
	}
}

export type MailSender = { wake(): void; stop(): Promise<void> };

/**
 * Runs deliverOutbox when a notification is recorded (the `notification` live event, heard after its commit, from
 * any process), when woken, and every `pollMs` for retries. One delivery at a time per process.
 */
export async function startMailSender(
	ctx: Ctx,
	database: { kind: 'pglite' | 'postgres'; listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>> },
	options: { pollMs?: number } = {}
): Promise<MailSender> {
	const exclusive = database.kind === 'pglite';
	let running: Promise<void> | null = null;
	let again = false;
	let stopped = false;
	const run = () => {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			do {
				again = false;
				try {
					await deliverOutbox(ctx, { exclusive });
				} catch (e) {
					if (!stopped) console.error(`[mail] delivery failed: ${e instanceof Error ? e.message : e}`);
				}
			} while (again && !stopped);
			running = null;
		})();
	};
	const unlisten = await database.listen(EVENTS_CHANNEL, (payload) => {
		// Only notifications queue mail at once; a lost connection (no payload) may have hidden one. A session hears its
		// own NOTIFY just before its COMMIT returns: look shortly after, and once more in case that was too soon.
		if (!payload || payload.includes('"type":"notification"')) for (const ms of [50, 1_000]) setTimeout(run, ms).unref();
	});
	const timer = setInterval(run, options.pollMs ?? 30_000);
	timer.unref();
	run();
	return {
		wake: run,
		async stop() {
			stopped = true;
			clearInterval(timer);
			await unlisten();
			await running;
		}
	};
}
