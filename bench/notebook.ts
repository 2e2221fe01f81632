// Issue 4's benchmark: a notebook of 2,000 notes, read by an anonymous visitor with a filter and a sort applied, and
// its graph data; beside the same page unfiltered and the API's smallest answer, timed in the same run. Run:
// `npm run bench:notebook` (bench/README.md). PGlite always; PostgreSQL too when BENCH_DATABASE_URL (or
// TEST_DATABASE_URL) names a server. `npm run bench:notebook -- --import-only` (or BENCH_NOTEBOOK_ONLY=import) times
// the import alone, on a new database, without seeding and reading the notebook (about 10 s a backend, not 5 min).
import { strToU8, zipSync } from 'fflate';
import { ensureBuild, startApp, type Backend, type RunningApp } from '../tests/support/server.ts';
import { apiCall, signedIn, tokenOf, HOST_EMAIL } from '../tests/integration/http/client.ts';
import { cleanup, machine, onCleanup, percentile, say, step, table } from './support.ts';

const NOTES = Number(process.env.BENCH_NOTEBOOK_NOTES ?? 2000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const TARGETS = { pageP95: 50, graphP95: 100 };
const CATEGORIES = ['Comprendre', 'Explorer', 'Rêver', 'Valider'];

type Timing = { name: string; path: string; times: number[]; bytes: number; target?: number };
type Figures = { backend: Backend; timings: Timing[]; seedSeconds: number; importRate: number };
const IMPORT_TARGET = 200;
const IMPORT_ONLY = process.argv.includes('--import-only') || process.env.BENCH_NOTEBOOK_ONLY === 'import';

/** A zip of NOTES Markdown files with front matter, each linking to the one before by title, as a vault would. */
function markdownZip(): Uint8Array {
	const files: Record<string, Uint8Array> = {};
	for (let i = 0; i < NOTES; i++) {
		const front = [
			'---',
			`title: Importée ${i}`,
			'language: fr',
			'licence: CC-BY-SA-4.0',
			'status: published',
			`category: ${CATEGORIES[i % 4]}`,
			'---'
		];
		const body = `Une note importée, qui renvoie à ${i > 0 ? `[[Importée ${i - 1}]]` : 'rien encore'}.\n\n${'Des savoirs partagés. '.repeat(40)}`;
		files[`${CATEGORIES[i % 4]}/importee-${i}.md`] = strToU8(`${front.join('\n')}\n\n${body}\n`);
	}
	return zipSync(files);
}

/** The import of a whole vault through the API, as `npm run import` sends it to a running app: notes per second. */
async function timeImport(app: RunningApp, token: string): Promise<number> {
	const zip = markdownZip();
	const started = performance.now();
	const res = await fetch(`${app.url}/api/v1/import?notebook=${encodeURIComponent('Carnet importé')}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' },
		body: new Uint8Array(zip)
	});
	const report = await res.json();
	const seconds = (performance.now() - started) / 1000;
	if (res.status !== 200 || report.created?.length !== NOTES)
		throw new Error(`The import answered ${res.status}: ${JSON.stringify(report).slice(0, 500)}`);
	return NOTES / seconds;
}

/** A public notebook of NOTES published notes in four categories, each linking to the two before it. */
async function seedNotebook(app: RunningApp, token: string): Promise<{ id: string; category: string }> {
	const nb = await apiCall(app.url, '/api/v1/notebooks', {
		token,
		method: 'POST',
		body: { title: 'Carnet de mesure', description: 'Deux mille notes pour mesurer.', categoryLists: ['Atelier'] }
	});
	if (nb.status !== 201) throw new Error(`Creating the notebook answered ${nb.status}`);
	const categories: string[] = [];
	for (const name of CATEGORIES) {
		const c = await apiCall(app.url, `/api/v1/notebooks/${nb.body.id}/categories`, { token, method: 'POST', body: { name } });
		categories.push(c.body.id);
	}
	const paragraph = 'Une communauté de pratique documente ce qu’elle apprend, pour que d’autres puissent le reprendre. ';
	let made = 0;
	const from = Date.now();
	const makeOne = async (i: number) => {
		const links = [i > 0 ? `[[Mesure ${i - 1}]]` : '', i > 1 ? `[[Mesure ${i - 2}]]` : ''].filter(Boolean).join(', ');
		const note = await apiCall(app.url, '/api/v1/notes', {
			token,
			method: 'POST',
			body: {
				title: `Mesure ${i}`,
				summary: `La note ${i} du carnet de mesure.`,
				body: `${paragraph.repeat(6)}\n\nVoir ${links}.`,
				language: i % 3 === 0 ? 'en' : 'fr',
				licence: i % 2 ? 'CC-BY-SA-4.0' : 'CC-BY-4.0',
				status: 'published'
			}
		});
		if (note.status !== 201) throw new Error(`Creating note ${i} answered ${note.status}`);
		const included = await apiCall(app.url, `/api/v1/notebooks/${nb.body.id}/notes`, {
			token,
			method: 'POST',
			body: { noteId: note.body.id, categoryIds: [categories[i % categories.length]] }
		});
		if (included.status !== 204) throw new Error(`Including note ${i} answered ${included.status}`);
		made++;
	};
	const timer = setInterval(() => {
		const rate = made / ((Date.now() - from) / 1000);
		say(`  … notebook: ${made}/${NOTES} notes, about ${Math.round((NOTES - made) / Math.max(rate, 0.1))} s left`);
	}, 5_000);
	try {
		// Links point two notes back: a batch of two never links inside itself.
		for (let i = 0; i < NOTES; i += 2) await Promise.all([i, i + 1].filter((n) => n < NOTES).map(makeOne));
	} finally {
		clearInterval(timer);
	}
	return { id: nb.body.id, category: categories[1] };
}

/** Sequential anonymous requests, timed from the client after a short warm-up. */
async function time(app: RunningApp, name: string, path: string, target?: number): Promise<Timing> {
	let bytes = 0;
	for (let i = 0; i < 10; i++) await (await fetch(`${app.url}${path}`)).arrayBuffer();
	const times: number[] = [];
	await step(
		`${name}: ${REQUESTS} requests`,
		async () => {
			for (let i = 0; i < REQUESTS; i++) {
				const t = performance.now();
				const res = await fetch(`${app.url}${path}`);
				const body = await res.arrayBuffer();
				times.push(performance.now() - t);
				if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
				bytes = body.byteLength;
			}
		},
		REQUESTS * 30
	);
	return { name, path, times: times.sort((a, b) => a - b), bytes, target };
}

async function benchBackend(backend: Backend): Promise<Figures> {
	say(`=== ${backend} ===`);
	const app = await step(`starting the app on a new ${backend} database`, () => startApp({ backend }), 35_000);
	onCleanup(() => app.stop());
	const token = await tokenOf(await signedIn(app.url, HOST_EMAIL));
	if (IMPORT_ONLY) {
		const importRate = await step(`importing a vault of ${NOTES} Markdown notes through the API`, () => timeImport(app, token), NOTES * 5);
		return { backend, timings: [], seedSeconds: NaN, importRate };
	}
	const started = Date.now();
	const nb = await step(`seeding a notebook of ${NOTES} notes through the API`, () => seedNotebook(app, token), NOTES * 25);
	const seedSeconds = (Date.now() - started) / 1000;
	const timings = [
		await time(app, 'API index (baseline)', '/api/v1'),
		await time(app, 'notebook page, first page', `/en/c/${nb.id}`),
		await time(
			app,
			'notebook page, category + language + sort by title',
			`/en/c/${nb.id}?category=${nb.category}&language=fr&sort=title`,
			TARGETS.pageP95
		),
		await time(app, 'notebook page, search + sort by date edited', `/en/c/${nb.id}?q=mesure%2012&sort=edited`, TARGETS.pageP95),
		await time(app, 'graph data (API)', `/api/v1/notebooks/${nb.id}/graph`, TARGETS.graphP95)
	];
	const importRate = await step(`importing a vault of ${NOTES} Markdown notes through the API`, () => timeImport(app, token), NOTES * 5);
	return { backend, timings, seedSeconds, importRate };
}

function report(all: Figures[]): string {
	const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
	const rows = all.flatMap((f) =>
		f.timings.map((t) => {
			const p95 = percentile(t.times, 95);
			return [
				f.backend,
				t.name,
				t.times.length,
				`${(t.bytes / 1024).toFixed(1)} KB`,
				ms(percentile(t.times, 50)),
				ms(p95),
				ms(t.times.at(-1) ?? NaN),
				t.target ? `${p95 < t.target ? 'pass' : 'FAIL'} (p95 < ${t.target} ms)` : ''
			];
		})
	);
	const imports = all.map(
		(f) =>
			`${f.backend}: importing a vault of ${NOTES} Markdown notes (front matter, categories, links) ran at ${Math.round(f.importRate)} notes/s: ${f.importRate >= IMPORT_TARGET ? 'pass' : 'FAIL'} (≥ ${IMPORT_TARGET} notes/s on PGlite).` +
			(IMPORT_ONLY
				? ' (Import only, into a new database.)'
				: ` Seeding the notebook one note at a time through the API took ${f.seedSeconds.toFixed(0)} s (the baseline).`)
	);
	if (IMPORT_ONLY) return imports.join('\n');
	return [
		`Notebook of ${NOTES} notes in ${CATEGORIES.length} categories, anonymous reader, ${REQUESTS} sequential requests each:`,
		'',
		table(['db', 'request', 'n', 'size', 'p50 ms', 'p95 ms', 'max ms', 'target'], rows),
		'',
		...imports
	].join('\n');
}

const backends: Backend[] = ['pglite'];
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) {
	process.env.TEST_DATABASE_URL = serverUrl;
	backends.push('postgres');
}
try {
	await step('building the app (once; skipped when up to date)', () => ensureBuild(say), 60_000);
	const all: Figures[] = [];
	for (const backend of backends) all.push(await benchBackend(backend));
	console.log(`\n${report(all)}\n\nmachine: ${machine()}`);
	const failed = all.some(
		(f) =>
			f.timings.some((t) => t.target && percentile(t.times, 95) >= t.target) || (f.backend === 'pglite' && f.importRate < IMPORT_TARGET)
	);
	process.exitCode = failed ? 1 : 0;
} finally {
	await cleanup();
}
