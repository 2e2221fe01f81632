// Issue 3's benchmark: the anonymous seed note page at 50 connections for 10 s, beside nginx serving the same bytes
// as a static file in the same run, then saving a revision through the API. Run: `npm run bench:note`
// (bench/README.md). PGlite always; PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, ROOT, startApp, type Backend, type RunningApp } from '../tests/support/server.ts';
import { apiCall, signedIn, tokenOf, HOST_EMAIL } from '../tests/integration/http/client.ts';
import { cleanup, load, machine, onCleanup, percentile, say, startNginx, step, table, type Load } from './support.ts';

const SEED = 'hyFh4E8AibDawZdxZGtAojyBHBY';
const PAGE = `/en/n/${SEED}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const CORPUS = Number(process.env.BENCH_CORPUS ?? 1000);
const SAVES = Number(process.env.BENCH_SAVES ?? 200);
const TARGETS = { ratio: 0.5, p99: 25, saveP95: 30 };

type Figures = { backend: Backend; loads: Load[]; nginx: Load; saves: number[]; reads: number[]; pageBytes: number };

/** Notes that link to each other and, one in fifty, to the seed note, whose page then lists them as backlinks. */
async function seedCorpus(app: RunningApp, token: string, seedTitle: string): Promise<void> {
	const paragraph =
		'Les communs se construisent par la pratique : une communauté, une ressource partagée, des règles que la communauté se donne. ';
	let made = 0;
	const from = Date.now();
	const makeOne = async (i: number) => {
		const links = [
			i > 0 ? `[[Note du corpus ${i - 1}]]` : '',
			i > 10 ? `[[Note du corpus ${i - 10}]]` : '',
			i % 50 === 0 ? `[[${seedTitle}]]` : ''
		];
		const res = await apiCall(app.url, '/api/v1/notes', {
			token,
			method: 'POST',
			body: {
				title: `Note du corpus ${i}`,
				summary: `Une note parmi ${CORPUS}, pour que les requêtes portent sur une base de taille réaliste.`,
				body: `## Note ${i}\n\n${paragraph.repeat(12)}\n\nVoir ${links.filter(Boolean).join(', ')}.`,
				status: 'published',
				visibility: 'public'
			}
		});
		if (res.status !== 201) throw new Error(`Creating corpus note ${i} answered ${res.status}: ${JSON.stringify(res.body)}`);
		made++;
	};
	const timer = setInterval(() => {
		const rate = made / ((Date.now() - from) / 1000);
		say(`  … corpus: ${made}/${CORPUS} notes, about ${Math.round((CORPUS - made) / Math.max(rate, 0.1))} s left`);
	}, 5_000);
	try {
		// Four at a time: links point backwards, to notes made at least a batch earlier or left unresolved.
		for (let i = 0; i < CORPUS; i += 4) await Promise.all([i, i + 1, i + 2, i + 3].filter((n) => n < CORPUS).map(makeOne));
	} finally {
		clearInterval(timer);
	}
}

/** Saves the seed note `SAVES` times in a row, each from the revision the previous one made, timing each request. */
async function timeSaves(app: RunningApp, token: string): Promise<{ saves: number[]; reads: number[] }> {
	const note = (await apiCall(app.url, `/api/v1/notes/${SEED}`, { token })).body;
	let revisionId: string = note.revisionId;
	const saves: number[] = [];
	const reads: number[] = [];
	for (let i = 0; i < SAVES; i++) {
		// The baseline: the same authenticated API round trip, reading instead of writing.
		let t = performance.now();
		const read = await apiCall(app.url, `/api/v1/notes/${SEED}`, { token });
		reads.push(performance.now() - t);
		if (read.status !== 200) throw new Error(`Reading the note answered ${read.status}`);
		t = performance.now();
		const saved = await apiCall(app.url, `/api/v1/notes/${SEED}`, {
			token,
			method: 'PATCH',
			body: { baseRevisionId: revisionId, body: `${note.body}\n\nRelu (${i + 1}).`, message: `Relecture ${i + 1}` }
		});
		saves.push(performance.now() - t);
		if (saved.status !== 200) throw new Error(`Save ${i + 1} answered ${saved.status}: ${JSON.stringify(saved.body)}`);
		revisionId = saved.body.revisionId;
	}
	return { saves: saves.sort((a, b) => a - b), reads: reads.sort((a, b) => a - b) };
}

async function benchBackend(backend: Backend): Promise<Figures> {
	say(`=== ${backend} ===`);
	const app = await step(`starting the app on a new ${backend} database (PGlite: 15–35 s of initdb)`, () => startApp({ backend }), 35_000);
	onCleanup(() => app.stop());
	const host = await signedIn(app.url, HOST_EMAIL);
	const token = await tokenOf(host);
	const seedTitle: string = (await apiCall(app.url, `/api/v1/notes/${SEED}`, { token })).body.title;
	say(`seeding a corpus of ${CORPUS} notes through the API…`);
	await seedCorpus(app, token, seedTitle);

	const page = await fetch(`${app.url}${PAGE}`);
	const html = Buffer.from(await page.arrayBuffer());
	if (page.status !== 200) throw new Error(`The seed note page answered ${page.status}`);
	say(`the page: ${(html.length / 1024).toFixed(1)} KB, cache ${page.headers.get('x-commonplace-cache')}`);
	mkdirSync(join(ROOT, 'bench/.work'), { recursive: true });
	writeFileSync(join(ROOT, 'bench/.work/note-page.html'), html);

	const nginx = await startNginx(html, PAGE);
	say(`nginx ${nginx.version} serves the same ${html.length} bytes at ${nginx.url}`);
	const appPids = () => [app.pid];
	await load('warm-up (nginx)', nginx.url, CONNECTIONS, WARMUP_SECONDS, nginx.pids);
	const nginxLoad = await load('nginx, static file', nginx.url, CONNECTIONS, SECONDS, nginx.pids);
	await load('warm-up (app)', `${app.url}${PAGE}`, CONNECTIONS, WARMUP_SECONDS, appPids);
	const cached = await load('app, page cache', `${app.url}${PAGE}`, CONNECTIONS, SECONDS, appPids);
	// The same page with a query string the cache does not key on: every request rendered by SvelteKit.
	const rendered = await load('app, rendered every time', `${app.url}${PAGE}?bench=uncached`, CONNECTIONS, SECONDS, appPids);

	const { saves, reads } = await step(
		`saving a revision ${SAVES} times through PATCH /api/v1/notes/{id}`,
		() => timeSaves(app, token),
		SAVES * 40
	);
	return { backend, loads: [cached, rendered], nginx: nginxLoad, saves, reads, pageBytes: html.length };
}

function report(all: Figures[]): string {
	const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
	const pass = (ok: boolean) => (ok ? 'pass' : 'FAIL');
	const loadRows = all.flatMap((f) =>
		[f.nginx, ...f.loads].map((l) => {
			const ratio = l.rps / f.nginx.rps;
			const target =
				l === f.loads[0] ? `${pass(ratio >= TARGETS.ratio && l.p99 < TARGETS.p99)} (≥ ${TARGETS.ratio}×, p99 < ${TARGETS.p99} ms)` : '';
			return [
				f.backend,
				l.name,
				Math.round(l.rps),
				ms(l.p50),
				ms(l.p975),
				ms(l.p99),
				ms(l.max),
				`${ratio.toFixed(2)}×`,
				Math.round(l.serverCpuUs),
				`${Math.round(l.clientCpu * 100)} %`,
				l.errors + l.non2xx,
				target
			];
		})
	);
	const saveRows = all.flatMap((f) => [
		[
			f.backend,
			'GET /api/v1/notes/{id} (baseline)',
			f.reads.length,
			ms(percentile(f.reads, 50)),
			ms(percentile(f.reads, 95)),
			ms(f.reads.at(-1)!),
			''
		],
		[
			f.backend,
			'PATCH /api/v1/notes/{id} (save)',
			f.saves.length,
			ms(percentile(f.saves, 50)),
			ms(percentile(f.saves, 95)),
			ms(f.saves.at(-1)!),
			`${pass(percentile(f.saves, 95) < TARGETS.saveP95)} (p95 < ${TARGETS.saveP95} ms)`
		]
	]);
	return [
		`Anonymous seed note page (${(all[0].pageBytes / 1024).toFixed(1)} KB), ${CONNECTIONS} connections × ${SECONDS} s, corpus of ${CORPUS} notes:`,
		'',
		table(
			[
				'db',
				'server',
				'req/s',
				'p50 ms',
				'p97.5 ms',
				'p99 ms',
				'max ms',
				'vs nginx',
				'server CPU µs/req',
				'autocannon CPU',
				'errors',
				'target'
			],
			loadRows
		),
		'',
		`Saving a revision of the seed note, ${SAVES} sequential requests with an API token:`,
		'',
		table(['db', 'request', 'n', 'p50 ms', 'p95 ms', 'max ms', 'target'], saveRows)
	].join('\n');
}

try {
	say(`machine: ${machine()}`);
	await step('building the app into .test-build if sources changed', () => ensureBuild(say), 60_000);
	const backends: Backend[] = ['pglite'];
	const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (pgUrl) {
		// startApp makes a fresh database on the TEST_DATABASE_URL server and drops it afterwards.
		process.env.TEST_DATABASE_URL = pgUrl;
		backends.push('postgres');
	} else say('PostgreSQL skipped: set BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it too');
	const all: Figures[] = [];
	for (const backend of backends) {
		all.push(await benchBackend(backend));
		await cleanup();
	}
	console.log(`\n${report(all)}\n\nmachine: ${machine()}, ${new Date().toISOString()}`);
} catch (e) {
	console.error(e);
	process.exitCode = 1;
} finally {
	await cleanup();
}
