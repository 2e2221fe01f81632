// Starts the BUILT app (server.ts) as a child process, the way an operator runs it, on a database of its own.
// The build goes to .test-build / .svelte-kit-test so tests never touch build/ or .svelte-kit/, which a running
// `npm start` or `vite dev` may be using.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { withDatabase } from './pg-url.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_BUILD_ENV = { COMMONPLACE_BUILD_DIR: '.test-build', COMMONPLACE_KIT_DIR: '.svelte-kit-test' };
/** Node 24 even when the caller runs on the system Node: server.ts relies on type stripping. */
export const NODE = Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : join(ROOT, 'node_modules/node/bin/node');

// ---- build once per run -------------------------------------------------------------------------------------

function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = 0;
	for (const entry of readdirSync(path, { withFileTypes: true })) {
		// Written by the build itself: counting it would make every build stale.
		if (entry.name === 'paraglide' || entry.name === 'node_modules') continue;
		latest = Math.max(latest, newest(join(path, entry.name)));
	}
	return latest;
}

const marker = join(ROOT, TEST_BUILD_ENV.COMMONPLACE_BUILD_DIR, 'handler.js');
const inputs = ['src', 'messages', 'static', 'project.inlang', 'vite.config.ts', 'package-lock.json'];
const isBuildFresh = () => existsSync(marker) && statSync(marker).mtimeMs >= Math.max(...inputs.map((p) => newest(join(ROOT, p))));

// Another test run in this tree may be building: one builder at a time; the others wait, then reuse its build.
const lockDir = join(ROOT, '.test-build.lock');
async function withBuildLock(fn: () => void): Promise<void> {
	const deadline = Date.now() + 10 * 60_000;
	for (;;) {
		try {
			mkdirSync(lockDir);
			break;
		} catch {
			if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 5 * 60_000) rmSync(lockDir, { recursive: true, force: true });
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockDir}`);
			await new Promise((r) => setTimeout(r, 500));
		}
	}
	try {
		fn();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}

let building: Promise<void> | undefined;
/** Runs `vite build` into .test-build unless that build is newer than every source. */
export function ensureBuild(log: (line: string) => void = (line) => console.log(line)): Promise<void> {
	building ??= withBuildLock(() => {
		if (isBuildFresh()) return;
		log('Building the app into .test-build (about a minute)…');
		const started = Date.now();
		const result = spawnSync(NODE, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
			cwd: ROOT,
			env: { ...process.env, ...TEST_BUILD_ENV, NODE_ENV: 'production' },
			encoding: 'utf8'
		});
		if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
		log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
	});
	return building;
}

// ---- one running app ----------------------------------------------------------------------------------------

export type Backend = 'pglite' | 'postgres';
export type RunningApp = {
	url: string;
	/** stdout and stderr lines of the app, in order. */
	logs: string[];
	/** Resolves with the first match of `pattern` in a log line written after `from` (an index into logs). */
	waitForLog(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<RegExpMatchArray>;
	stop(): Promise<void>;
	dataDir: string;
	/** The PostgreSQL database the app uses, for a second app on the same data (startApp's `databaseUrl`). */
	databaseUrl?: string;
	/** The app's process id (benchmarks read its CPU time). */
	pid: number;
};

function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => ok(port));
		});
	});
}

/** A database made from scratch on the TEST_DATABASE_URL server: the app migrates and seeds it at start. */
async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
	const name = `cp_app_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = async (sql: string) => {
		const client = new pg.Client({ connectionString: serverUrl });
		await client.connect();
		try {
			await client.query(sql);
		} finally {
			await client.end();
		}
	};
	await admin(`CREATE DATABASE "${name}"`);
	return { url: withDatabase(serverUrl, name), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

// Children must not outlive a crashed or interrupted test process.
const children = new Set<import('node:child_process').ChildProcess>();
process.on('exit', () => {
	for (const child of children) child.kill('SIGKILL');
});

export type StartOptions = {
	backend?: Backend;
	smtpUrl?: string;
	env?: Record<string, string>;
	/** Also append every log line to this file (for tests that run in another process than the starter). */
	logFile?: string;
	timeoutMs?: number;
	/** Start from an empty data dir and leave it in place after stop() (used to make the template). */
	keepDataDir?: boolean;
	/** PostgreSQL only: share this database (another app's `databaseUrl`) instead of making one; stop() leaves it. */
	databaseUrl?: string;
};

/**
 * Starts server.ts from .test-build on a free port with a fresh DATA_DIR (and database) and waits for it.
 * Builds only when there is no build at all: the run's entry point (global setup, e2e runner) calls ensureBuild()
 * once, so that test files running in parallel never rebuild under each other while sources are being edited.
 */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
	if (!existsSync(marker)) await ensureBuild();
	const backend = options.backend ?? (process.env.TEST_DB_KIND as Backend | undefined) ?? 'pglite';
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'cp-app-'));
	// Initialising a PGlite data dir takes 15–35 s here; a copy of one the app made earlier in this run opens in ~2 s.
	const template = backend === 'pglite' ? process.env[PGLITE_TEMPLATE_ENV] : undefined;
	if (template && !options.keepDataDir) {
		cpSync(template, dataDir, { recursive: true });
		// Released on a clean stop, but a copied lock naming a reused pid would keep the copy's app from starting.
		rmSync(join(dataDir, 'commonplace.lock'), { force: true });
	}
	const shared = backend === 'postgres' && options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : undefined;
	const database = shared ?? (backend === 'postgres' ? await freshPostgres() : undefined);

	// A clean environment: nothing from the caller (NODE_ENV=test, DATABASE_URL, SMTP_URL…) leaks into the app.
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: process.env.HOME ?? dataDir,
		TMPDIR: tmpdir(),
		NODE_ENV: 'production',
		...TEST_BUILD_ENV,
		HOST: '127.0.0.1',
		PORT: String(port),
		PUBLIC_URL: url,
		DATA_DIR: dataDir,
		...(database ? { DATABASE_URL: database.url } : {}),
		...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
		...options.env
	};
	const child = spawn(NODE, ['server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	children.add(child);

	const logs: string[] = [];
	const listeners = new Set<() => void>();
	const collect = (stream: NodeJS.ReadableStream) => {
		let rest = '';
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			const lines = (rest + chunk).split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) {
				logs.push(line);
				if (options.logFile) appendFileSync(options.logFile, line + '\n');
			}
			for (const listener of listeners) listener();
		});
	};
	collect(child.stdout!);
	collect(child.stderr!);
	const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
	let stopped = false;

	const waitForLog: RunningApp['waitForLog'] = (pattern, { from = 0, timeoutMs = 15_000 } = {}) =>
		new Promise((ok, fail) => {
			const check = () => {
				for (let i = from; i < logs.length; i++) {
					const match = logs[i].match(pattern);
					if (match) {
						done();
						ok(match);
						return;
					}
				}
			};
			const timer = setTimeout(() => {
				done();
				fail(new Error(`No log line matched ${pattern} within ${timeoutMs} ms. Logs:\n${logs.join('\n')}`));
			}, timeoutMs);
			const done = () => {
				clearTimeout(timer);
				listeners.delete(check);
			};
			listeners.add(check);
			check();
		});

	const stop = async () => {
		if (stopped) return;
		stopped = true;
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(killer);
		}
		children.delete(child);
		await database?.drop();
		if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
	};

	// Ready when it answers a page; fail fast if it dies first.
	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	let died = false;
	void exited.then(() => (died = true));
	for (;;) {
		if (died) {
			await stop();
			throw new Error(`The app exited during start-up (code ${child.exitCode}). Logs:\n${logs.join('\n')}`);
		}
		try {
			const res = await fetch(`${url}/en`, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
			await res.arrayBuffer();
			if (res.status < 500) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`The app did not answer on ${url} within ${options.timeoutMs ?? 120_000} ms. Logs:\n${logs.join('\n')}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return { url, logs, waitForLog, stop, dataDir, databaseUrl: database?.url, pid: child.pid! };
}

export const PGLITE_TEMPLATE_ENV = 'COMMONPLACE_TEST_PGLITE_TEMPLATE';

/**
 * Starts the app once on a brand-new PGlite data dir (initdb, migrations, demo content), stops it cleanly and
 * publishes that dir in the environment, so that later startApp() calls in this process and its children copy it.
 * Returns a cleanup function.
 */
export async function preparePgliteTemplate(): Promise<() => void> {
	// Already made by the caller's parent (scripts/test.ts makes one for vitest and the browser suite alike).
	const inherited = process.env[PGLITE_TEMPLATE_ENV];
	if (inherited && existsSync(inherited)) return () => {};
	const app = await startApp({ backend: 'pglite', keepDataDir: true });
	await app.stop();
	process.env[PGLITE_TEMPLATE_ENV] = app.dataDir;
	return () => {
		delete process.env[PGLITE_TEMPLATE_ENV];
		rmSync(app.dataDir, { recursive: true, force: true });
	};
}
