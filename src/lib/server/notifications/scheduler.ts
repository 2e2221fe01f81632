// Runs the digest jobs when due. Every app process runs this loop: the claim in runDigest (a conditional UPDATE of
// job_schedule) lets exactly one of them do each run, on PGlite in-process and across processes on PostgreSQL.
import type { DigestFrequency } from '../../domain/notifications.ts';
import type { Ctx } from '../context.ts';
import { runDigest } from './digest-job.ts';

const JOBS: DigestFrequency[] = ['daily', 'weekly'];

/** Runs every job that is due at `now`; returns the mails queued per job (null: not due, or claimed elsewhere). */
export async function runDueJobs(ctx: Ctx, now = new Date()): Promise<Record<DigestFrequency, number | null>> {
	const result = {} as Record<DigestFrequency, number | null>;
	for (const job of JOBS) result[job] = await runDigest(ctx, job, now);
	return result;
}

export type Scheduler = { stop(): Promise<void> };

/**
 * Checks at once (a run missed while the app was down is made up now) and then every `intervalMs`. `onQueued` is
 * called after a run's commit queued mail, to wake the mail sender.
 */
export function startScheduler(ctx: Ctx, options: { intervalMs?: number; onQueued?: () => void } = {}): Scheduler {
	let stopped = false;
	let running: Promise<void> | null = null;
	const tick = () => {
		if (stopped || running) return;
		running = runDueJobs(ctx)
			.then((queued) => {
				if (Object.values(queued).some((n) => n)) options.onQueued?.();
			})
			.catch((e) => {
				if (!stopped) console.error(`[digest] run failed: ${e instanceof Error ? e.message : e}`);
			})
			.finally(() => (running = null));
	};
	const timer = setInterval(tick, options.intervalMs ?? 60_000);
	timer.unref();
	tick();
	return {
		async stop() {
			stopped = true;
			clearInterval(timer);
			await running;
		}
	};
}
