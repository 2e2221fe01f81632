/**
 * Runs `task` now and every `everyMs` until stopped, one run at a time: a turn that comes while a run is under way is
 * skipped. A failed run is logged as "`what` failed" and the next one tries again. The timer never keeps the process
 * alive. Returns the function that stops it, once the run under way has ended.
 */
export function startPeriodic(what: string, everyMs: number, task: () => Promise<unknown>): () => Promise<void> {
	let running: Promise<unknown> | undefined;
	const turn = () => {
		running ??= task()
			.catch((e: Error) => console.error(`${what} failed: ${e.message}`))
			.finally(() => (running = undefined));
	};
	turn();
	const timer = setInterval(turn, everyMs);
	timer.unref();
	return async () => {
		clearInterval(timer);
		await running;
	};
}
