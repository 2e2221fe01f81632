// `npm test`: build once into .test-build, run vitest (unit, PGlite, HTTP; PostgreSQL too when TEST_DATABASE_URL
// is set), then the browser suite when Debian's Chromium is installed. Whatever cannot run is said LOUDLY, in the
// summary too, so a green run on a machine without PostgreSQL or a browser is never mistaken for a full one.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, preparePgliteTemplate } from '../tests/support/server.ts';

const CHROMIUM = '/usr/bin/chromium';
const started = Date.now();
const secs = (from: number) => `${Math.round((Date.now() - from) / 1000)} s`;
const bar = '!'.repeat(78);
const loud = (line: string) => console.log(`\n${bar}\n!!! ${line}\n${bar}\n`);

type Outcome = { stage: string; status: 'passed' | 'failed' | 'skipped'; detail: string };
const outcomes: Outcome[] = [];

/** Runs one stage, printing its name, a heartbeat every minute and its duration. */
async function stage(name: string, run: () => Promise<boolean>) {
	const from = Date.now();
	console.log(`\n=== [${secs(started)}] ${name} ===`);
	const heartbeat = setInterval(() => console.log(`… [${secs(started)}] still in: ${name} (${secs(from)})`), 60_000);
	let ok = false;
	try {
		ok = await run();
	} catch (e) {
		console.error(e instanceof Error ? e.message : e);
	} finally {
		clearInterval(heartbeat);
	}
	outcomes.push({ stage: name, status: ok ? 'passed' : 'failed', detail: secs(from) });
	console.log(`=== [${secs(started)}] ${name}: ${ok ? 'passed' : 'FAILED'} in ${secs(from)} ===`);
	return ok;
}

function node(args: string[], env: Record<string, string> = {}): Promise<boolean> {
	return new Promise((ok) => {
		const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('exit', (code) => ok(code === 0));
	});
}

const skip = (stage: string, why: string) => {
	outcomes.push({ stage, status: 'skipped', detail: why });
	loud(`SKIPPED: ${stage} — ${why}`);
};

const postgres = Boolean(process.env.TEST_DATABASE_URL);
const browser = existsSync(CHROMIUM);
if (!postgres) skip('PostgreSQL suite', 'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)');
if (!browser) skip('browser suite', `${CHROMIUM} not found (apt-get install chromium)`);

const built = await stage('build the app into .test-build', () => ensureBuild().then(() => true));
// One fresh start of the app on an empty PGlite data dir (initdb, migrations, demo content: 15–35 s here); the
// HTTP and browser suites' apps then start from copies of it (through the environment) in a few seconds.
let dropTemplate = () => {};
if (built) {
	await stage('first start of the app on a new PGlite data dir', async () => {
		dropTemplate = await preparePgliteTemplate();
		return true;
	});
}

// vitest.config.ts decides the projects (PostgreSQL ones only with TEST_DATABASE_URL); without a build, the HTTP
// ones cannot start the app, so only then are projects named here.
const projects = [
	'unit',
	'pglite',
	...(built ? ['http-pglite'] : []),
	...(postgres ? ['postgres', ...(built ? ['http-postgres'] : [])] : [])
];
const filter = built ? [] : projects.flatMap((p) => ['--project', p]);
if (!built) skip('HTTP suites', 'the build failed');
// Each vitest run also writes a JSON report, so the summary can count tests across the suites.
const reports = mkdtempSync(join(tmpdir(), 'cp-test-reports-'));
const reportArgs = (name: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`];
await stage(`vitest: ${projects.join(', ')}`, () => node(['node_modules/vitest/vitest.mjs', 'run', ...filter, ...reportArgs('vitest')]));

if (browser && built) await stage('browser suite (Chromium)', () => node(['tests/e2e/run.ts', ...reportArgs('browser')]));
else if (browser) skip('browser suite', 'the build failed');

dropTemplate();

console.log(`\n=== Summary (${secs(started)}) ===`);
for (const o of outcomes)
	console.log(`${{ passed: '  ok     ', failed: '  FAILED ', skipped: '  SKIPPED' }[o.status]} ${o.stage} (${o.detail})`);
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const name of ['vitest', 'browser']) {
	const file = join(reports, `${name}.json`);
	if (!existsSync(file)) continue;
	const r = JSON.parse(readFileSync(file, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
	};
	counts.passed += r.numPassedTests;
	counts.failed += r.numFailedTests;
	counts.skipped += r.numPendingTests + r.numTodoTests;
}
rmSync(reports, { recursive: true, force: true });
const failed = outcomes.some((o) => o.status === 'failed');
const skipped = outcomes.filter((o) => o.status === 'skipped');
if (skipped.length) loud(`NOT EVERYTHING RAN: ${skipped.map((o) => `SKIPPED: ${o.stage}`).join('; ')}`);
console.log(failed ? 'Some tests FAILED.' : skipped.length ? 'Everything that ran passed.' : 'Everything passed.');
// Last, alone on its line: the count that CI and people read first.
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failed ? 1 : 0);
