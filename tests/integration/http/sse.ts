// A small Server-Sent Events reader over fetch, for tests and benchmarks: reads a text/event-stream as a browser's
// EventSource would (frames split on a blank line, `id:`, `data:`, comments ignored), with the time each event came.

export type SseEvent = { id?: string; data: unknown; at: number };

export type SseStream = {
	status: number;
	headers: Headers;
	/** Everything read so far, comments included. */
	raw(): string;
	events: SseEvent[];
	/** Resolves with the first event (already received or to come) that matches, or fails after `timeoutMs`. */
	next(match?: (data: any) => boolean, timeoutMs?: number): Promise<SseEvent>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any shape
	/** Waits until the raw text matches. */
	waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
	close(): void;
	/** Resolves when the server ends the stream (or it is closed here). */
	ended: Promise<void>;
};

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
	const abort = new AbortController();
	const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
	let raw = '';
	let pending = '';
	const events: SseEvent[] = [];
	const waiters = new Set<() => void>();
	const notify = () => waiters.forEach((w) => w());
	const parse = () => {
		let cut: number;
		while ((cut = pending.indexOf('\n\n')) !== -1) {
			const frame = pending.slice(0, cut);
			pending = pending.slice(cut + 2);
			let id: string | undefined;
			const data: string[] = [];
			for (const line of frame.split('\n')) {
				if (line.startsWith('id: ')) id = line.slice(4);
				else if (line.startsWith('data: ')) data.push(line.slice(6));
			}
			if (data.length) events.push({ id, data: JSON.parse(data.join('\n')), at: performance.now() });
		}
	};
	const ended = (async () => {
		if (!res.body) return;
		const decoder = new TextDecoder();
		try {
			for await (const chunk of res.body) {
				const text = decoder.decode(chunk as Uint8Array, { stream: true });
				raw += text;
				pending += text;
				parse();
				notify();
			}
		} catch {
			// aborted here, or the connection was cut
		} finally {
			notify();
		}
	})();
	const wait = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
		new Promise<T>((ok, fail) => {
			const tryNow = () => {
				const found = check();
				if (found === undefined) return;
				done();
				ok(found);
			};
			const timer = setTimeout(() => {
				done();
				fail(new Error(`No ${what} within ${timeoutMs} ms; the stream said: ${JSON.stringify(raw.slice(-2000))}`));
			}, timeoutMs);
			const done = () => {
				clearTimeout(timer);
				waiters.delete(tryNow);
			};
			waiters.add(tryNow);
			tryNow();
		});
	return {
		status: res.status,
		headers: res.headers,
		raw: () => raw,
		events,
		next: (match = () => true, timeoutMs = 5_000) => wait(() => events.find((e) => match(e.data)), timeoutMs, 'matching event'),
		waitFor: (pattern, timeoutMs = 5_000) =>
			wait(() => (pattern.test(raw) ? true : undefined), timeoutMs, `${pattern}`).then(() => undefined),
		close: () => abort.abort(),
		ended
	};
}
