import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPeriodic } from './periodic.ts';

describe('startPeriodic', () => {
	beforeEach(() => void vi.useFakeTimers());
	afterEach(() => void vi.useRealTimers());

	it('runs at once and then every interval, one run at a time, and stops after the run under way', async () => {
		let runs = 0;
		let finish = () => {};
		const stop = startPeriodic('[test] task', 1_000, () => {
			runs++;
			return new Promise<void>((ok) => (finish = ok));
		});
		expect(runs).toBe(1);
		await vi.advanceTimersByTimeAsync(3_000);
		expect(runs).toBe(1); // still running: the turns that came meanwhile were skipped
		finish();
		await vi.advanceTimersByTimeAsync(1_000);
		expect(runs).toBe(2);
		let stopped = false;
		const stopping = stop().then(() => (stopped = true));
		await vi.advanceTimersByTimeAsync(0);
		expect(stopped).toBe(false);
		finish();
		await stopping;
		await vi.advanceTimersByTimeAsync(5_000);
		expect(runs).toBe(2);
	});

	it('logs a failed run and tries again at the next turn', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		let runs = 0;
		const stop = startPeriodic('[test] task', 1_000, async () => {
			if (++runs === 1) throw new Error('no database');
		});
		await vi.advanceTimersByTimeAsync(1_000);
		expect(logged).toHaveBeenCalledWith('[test] task failed: no database');
		expect(runs).toBe(2);
		await stop();
		logged.mockRestore();
	});
});
