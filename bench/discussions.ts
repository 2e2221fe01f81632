// Issue 6's benchmark: 200 readers of one community hold its live event stream open (Server-Sent Events) while a
// member posts; each posted message must reach every reader (delivery p95 under 200 ms) and posting must stay quick
// (p95 under 30 ms). Run: `npm run bench:discussions` (bench/README.md). PGlite always; PostgreSQL too when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server.
import { ensureBuild, startApp, type Backend, type RunningApp } from '../tests/support/server.ts';
import { apiCall, signedIn, tokenOf, HOST_EMAIL } from '../tests/integration/http/client.ts';
import { openSse, type SseStream } from '../tests/integration/http/sse.ts';
import { cleanup, cpuSeconds, machine, onCleanup, percentile, say, step, table } from './support.ts';

const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 200);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100);
/** Pause between two posts: a lively discussion, not a flood (each post is timed alone). */
const GAP_MS = Number(process.env.BENCH_POST_GAP_MS ?? 100);
const BASELINE_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const COMMUNITY = 'en-commun-soutien-et-developpement';
const TARGETS = { deliveryP95: 200, postP95: 30 };

type Figures = {
	backend: Backend;
	baseline: number[];
	postingAlone: number[];
	posting: number[];
	delivery: number[];
	afterAnswer: number[];
	missing: number;
	connectSeconds: number;
	serverCpuMsPerPost: number;
	serverCpuMsPerPostAlone: number;
	leftOpen: string;
};

/** Sequential timed requests of the API index: the smallest answer, the baseline of the same run. */
async function timeBaseline(app: RunningApp): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < 10; i++) await (await fetch(`${app.url}/api/v1`)).arrayBuffer();
	for (let i = 0; i < BASELINE_REQUESTS; i++) {
		const t = performance.now();
		const res = await fetch(`${app.url}/api/v1`);
		await res.arrayBuffer();
		times.push(performance.now() - t);
		if (res.status !== 200) throw new Error(`/api/v1 answered ${res.status}`);
	}
	return times.sort((a, b) => a - b);
}

async function openClients(app: RunningApp): Promise<SseStream[]> {
	const clients: SseStream[] = [];
	// In batches: 200 connections at once would measure the accept queue, not the stream.
	for (let i = 0; i < CLIENTS; i += 20) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(20, CLIENTS - i) }, () => openSse(`${app.url}/api/v1/events?community=${COMMUNITY}`))
		);
		for (const s of batch) {
			if (s.status === 200) continue;
			await s.ended;
			throw new Error(`A stream answered ${s.status}: ${s.raw().slice(0, 500)}`);
		}
		clients.push(...batch);
	}
	await Promise.all(clients.map((c) => c.waitFor(/connected/, 30_000)));
	onCleanup(() => clients.forEach((c) => c.close()));
	return clients;
}

async function benchBackend(backend: Backend): Promise<Figures> {
	say(`=== ${backend} ===`);
	const app = await step(`starting the app on a new ${backend} database`, () => startApp({ backend }), 35_000);
	onCleanup(() => app.stop());
	const token = await tokenOf(await signedIn(app.url, HOST_EMAIL));
	const baseline = await step(`API index (baseline): ${BASELINE_REQUESTS} requests`, () => timeBaseline(app), BASELINE_REQUESTS * 10);

	const startThread = async (title: string): Promise<string> => {
		const thread = await apiCall(app.url, `/api/v1/communities/${COMMUNITY}/threads`, {
			token,
			method: 'POST',
			body: { title, body: 'Le premier message du fil de mesure.' }
		});
		if (thread.status !== 201) throw new Error(`Starting the thread answered ${thread.status}: ${JSON.stringify(thread.body)}`);
		return thread.body.id;
	};
	const post = async (threadId: string, i: number) => {
		const t = performance.now();
		const res = await apiCall(app.url, `/api/v1/threads/${threadId}/messages`, {
			token,
			method: 'POST',
			body: { body: `Message ${i} du banc d’essai, avec un peu de texte pour faire vrai. #mesure` }
		});
		if (res.status !== 201) throw new Error(`Posting message ${i} answered ${res.status}: ${JSON.stringify(res.body)}`);
		return { id: res.body.id as string, sent: t, answered: performance.now() };
	};
	// The same posts with nobody listening, into a thread of their own: the baseline of the posting figure.
	const alone = await startThread('Fil de mesure sans lecteurs');
	for (let i = 0; i < 5; i++) await post(alone, i);
	const postingAlone: number[] = [];
	const cpuAlone = cpuSeconds([app.pid]);
	await step(
		`posting ${MESSAGES} messages with no reader (baseline)`,
		async () => {
			for (let i = 0; i < MESSAGES; i++) {
				const p = await post(alone, i);
				postingAlone.push(p.answered - p.sent);
				await new Promise((r) => setTimeout(r, GAP_MS));
			}
		},
		MESSAGES * (GAP_MS + 30)
	);
	const serverCpuMsPerPostAlone = ((cpuSeconds([app.pid]) - cpuAlone) / MESSAGES) * 1000;
	const threadId = await startThread('Fil de mesure');
	// Warm the path (first renders, statement plans) before anyone listens.
	for (let i = 0; i < 5; i++) await post(threadId, i);

	const connectFrom = performance.now();
	const clients = await step(`opening ${CLIENTS} event streams on the community`, () => openClients(app), CLIENTS * 20);
	const connectSeconds = (performance.now() - connectFrom) / 1000;

	const sentAt = new Map<string, number>();
	const answeredAt = new Map<string, number>();
	const posting: number[] = [];
	const cpuBefore = cpuSeconds([app.pid]);
	await step(
		`posting ${MESSAGES} messages, one every ${GAP_MS} ms, to ${CLIENTS} readers`,
		async () => {
			for (let i = 0; i < MESSAGES; i++) {
				const p = await post(threadId, i);
				posting.push(p.answered - p.sent);
				sentAt.set(p.id, p.sent);
				answeredAt.set(p.id, p.answered);
				await new Promise((r) => setTimeout(r, GAP_MS));
			}
			// Stragglers: every reader should have everything by now.
			const deadline = Date.now() + 5_000;
			const complete = () =>
				clients.every((c) => c.events.filter((e) => sentAt.has((e.data as { messageId?: string }).messageId ?? '')).length >= MESSAGES);
			while (!complete() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		},
		MESSAGES * (GAP_MS + 30)
	);
	const serverCpuMsPerPost = ((cpuSeconds([app.pid]) - cpuBefore) / MESSAGES) * 1000;

	const delivery: number[] = [];
	const afterAnswer: number[] = [];
	let missing = 0;
	for (const c of clients) {
		const got = new Map<string, number>();
		for (const e of c.events) {
			const d = e.data as { type: string; change?: string; messageId?: string };
			if (d.type === 'message' && d.change === 'created' && d.messageId && sentAt.has(d.messageId) && !got.has(d.messageId))
				got.set(d.messageId, e.at);
		}
		for (const [id, t] of sentAt) {
			const at = got.get(id);
			if (at === undefined) missing++;
			else {
				delivery.push(at - t);
				afterAnswer.push(at - answeredAt.get(id)!);
			}
		}
	}

	clients.forEach((c) => c.close());
	await new Promise((r) => setTimeout(r, 500));
	const from = app.logs.length;
	await app.stop();
	const leftOpen =
		app.logs
			.slice(from)
			.join('\n')
			.match(/\((\d+) live event streams open\)/)?.[1] ?? '?';
	return {
		backend,
		baseline,
		postingAlone: postingAlone.sort((a, b) => a - b),
		posting: posting.sort((a, b) => a - b),
		delivery: delivery.sort((a, b) => a - b),
		afterAnswer: afterAnswer.sort((a, b) => a - b),
		missing,
		connectSeconds,
		serverCpuMsPerPost,
		serverCpuMsPerPostAlone,
		leftOpen
	};
}

function report(all: Figures[]): string {
	const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
	const verdict = (p95: number, target: number) => `${p95 < target ? 'pass' : 'FAIL'} (p95 < ${target} ms)`;
	const rows = all.flatMap((f) => [
		[
			f.backend,
			'API index (baseline)',
			f.baseline.length,
			ms(percentile(f.baseline, 50)),
			ms(percentile(f.baseline, 95)),
			ms(f.baseline.at(-1) ?? NaN),
			''
		],
		[
			f.backend,
			'posting a message, nobody listening (baseline)',
			f.postingAlone.length,
			ms(percentile(f.postingAlone, 50)),
			ms(percentile(f.postingAlone, 95)),
			ms(f.postingAlone.at(-1) ?? NaN),
			''
		],
		[
			f.backend,
			`posting a message, ${CLIENTS} readers (POST /api/v1/threads/{id}/messages)`,
			f.posting.length,
			ms(percentile(f.posting, 50)),
			ms(percentile(f.posting, 95)),
			ms(f.posting.at(-1) ?? NaN),
			verdict(percentile(f.posting, 95), TARGETS.postP95)
		],
		[
			f.backend,
			`delivery to each of ${CLIENTS} readers (post sent → event read)`,
			f.delivery.length,
			ms(percentile(f.delivery, 50)),
			ms(percentile(f.delivery, 95)),
			ms(f.delivery.at(-1) ?? NaN),
			verdict(percentile(f.delivery, 95), TARGETS.deliveryP95)
		],
		[
			f.backend,
			'  the same, from the post’s answer (negative: the event came first)',
			f.afterAnswer.length,
			ms(percentile(f.afterAnswer, 50)),
			ms(percentile(f.afterAnswer, 95)),
			ms(f.afterAnswer.at(-1) ?? NaN),
			''
		]
	]);
	const notes = all.map(
		(f) =>
			`${f.backend}: ${CLIENTS} streams opened in ${f.connectSeconds.toFixed(1)} s; ${f.missing} deliveries missing of ${CLIENTS * MESSAGES}; ` +
			`server CPU per post ${f.serverCpuMsPerPost.toFixed(1)} ms with ${CLIENTS} readers, ${f.serverCpuMsPerPostAlone.toFixed(1)} ms with none; ${f.leftOpen} streams left open in the hub after the readers left.`
	);
	return [
		`${CLIENTS} anonymous readers hold GET /api/v1/events?community=${COMMUNITY} open; a member posts ${MESSAGES} replies into one thread through the API, one every ${GAP_MS} ms:`,
		'',
		table(['db', 'what', 'n', 'p50 ms', 'p95 ms', 'max ms', 'target'], rows),
		'',
		...notes
	].join('\n');
}

const backends: Backend[] = ['pglite'];
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) {
	process.env.TEST_DATABASE_URL = serverUrl;
	backends.push('postgres');
}
if (process.env.BENCH_DISCUSSIONS_ONLY) backends.splice(0, backends.length, process.env.BENCH_DISCUSSIONS_ONLY as Backend);
try {
	say(`machine at the start: ${machine()}`);
	await step('building the app (once; skipped when up to date)', () => ensureBuild(say), 60_000);
	const all: Figures[] = [];
	for (const backend of backends) all.push(await benchBackend(backend));
	console.log(`\n${report(all)}\n\nmachine: ${machine()}`);
	const failed = all.some(
		(f) =>
			f.missing > 0 ||
			percentile(f.delivery, 95) >= TARGETS.deliveryP95 ||
			percentile(f.posting, 95) >= TARGETS.postP95 ||
			f.leftOpen !== '0'
	);
	process.exitCode = failed ? 1 : 0;
} finally {
	await cleanup();
}
