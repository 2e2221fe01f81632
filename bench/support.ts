// Shared by the benchmarks: progress lines, nginx as the static-file baseline, autocannon runs, percentiles, cleanup.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

// ---- progress and cleanup ------------------------------------------------------------------------------------

const started = Date.now();
const clock = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`;
export const say = (line: string) => console.log(`[${clock()}] ${line}`);

/** Runs `fn`, printing what runs every `everyMs` with the time spent and, if `estimateMs` is known, the time left. */
export async function step<T>(name: string, fn: () => Promise<T>, estimateMs?: number, everyMs = 5_000): Promise<T> {
	const from = Date.now();
	say(`${name}…`);
	const timer = setInterval(() => {
		const spent = Date.now() - from;
		const left = estimateMs === undefined ? '' : `, about ${Math.max(0, Math.round((estimateMs - spent) / 1000))} s left`;
		say(`  … ${name}: ${Math.round(spent / 1000)} s${left}`);
	}, everyMs);
	try {
		return await fn();
	} finally {
		clearInterval(timer);
	}
}

const cleanups: (() => unknown)[] = [];
/** Registers work for the end of the run, normal or interrupted (Ctrl-C); the last registered runs first. */
export const onCleanup = (fn: () => unknown) => cleanups.push(fn);
export async function cleanup(): Promise<void> {
	while (cleanups.length) {
		try {
			await cleanups.pop()!();
		} catch (e) {
			console.error(`cleanup: ${e instanceof Error ? e.message : e}`);
		}
	}
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		say(`${signal}: stopping what the benchmark started…`);
		void cleanup().finally(() => process.exit(130));
	});
}

/** A folder under the OS temp dir, removed at the end. */
export function workDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	onCleanup(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

export function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const probe = createServer();
		probe.on('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => ok(port));
		});
	});
}

// ---- the machine ---------------------------------------------------------------------------------------------

export function machine(): string {
	const [one, five] = loadavg();
	return `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${one.toFixed(2)} / ${five.toFixed(2)} (1 / 5 min)`;
}

// ---- nginx ---------------------------------------------------------------------------------------------------

const hasNginx = () => spawnSync('sh', ['-c', 'command -v nginx || test -x /usr/sbin/nginx'], { stdio: 'ignore' }).status === 0;
const nginxBin = () => spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim() || '/usr/sbin/nginx';

/** Debian's nginx, installed now if absent (as root, or through passwordless sudo). */
export function ensureNginx(): string {
	if (hasNginx()) return nginxBin();
	say('nginx is not installed: installing Debian’s nginx-light (apt-get)…');
	const asRoot = process.getuid?.() === 0;
	const apt = (args: string[]) =>
		spawnSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['-n', 'apt-get', ...args], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		}).status === 0;
	if (
		!apt(['install', '-y', '--no-install-recommends', 'nginx-light']) &&
		!(apt(['update']) && apt(['install', '-y', '--no-install-recommends', 'nginx-light']))
	) {
		throw new Error('Could not install nginx-light: run `apt-get install nginx-light` as root, then the benchmark again');
	}
	return nginxBin();
}

/**
 * nginx serving `html` at `path` on a loopback port, with one worker (the app is one Node process) and its pid,
 * logs and temp files in a folder of its own, so it touches nothing of a system nginx.
 */
export async function startNginx(html: Buffer, path: string): Promise<{ url: string; version: string; pids: () => number[] }> {
	const bin = ensureNginx();
	const version = spawnSync(bin, ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: ', '');
	const dir = workDir('cp-bench-nginx-');
	// Workers run as nobody when the master is root: they must be able to read the page.
	chmodSync(dir, 0o755);
	mkdirSync(join(dir, 'www'), { mode: 0o755 });
	writeFileSync(join(dir, 'www', 'page.html'), html, { mode: 0o644 });
	const port = await freePort();
	writeFileSync(
		join(dir, 'nginx.conf'),
		`worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
	sendfile on; tcp_nopush on;
	# Node keeps a connection for any number of requests; nginx's default closes it after 1,000.
	keepalive_requests 1000000;
	default_type text/html;
	server {
		listen 127.0.0.1:${port};
		location = ${path} { alias ${dir}/www/page.html; }
	}
}
`
	);
	const child: ChildProcess = spawn(bin, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr!.on('data', (c) => (stderr += c));
	onCleanup(() => stopChild(child));
	const url = `http://127.0.0.1:${port}${path}`;
	for (let i = 0; i < 100; i++) {
		if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
		const ok = await fetch(url).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return { url, version, pids: () => [child.pid!, ...childrenOf(child.pid!)] };
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`nginx did not answer on ${url}: ${stderr}`);
}

export function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((done) => {
		const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.once('exit', () => {
			clearTimeout(killer);
			done();
		});
		child.kill('SIGTERM');
	});
}

// ---- CPU time ------------------------------------------------------------------------------------------------

const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function childrenOf(pid: number): number[] {
	const file = `/proc/${pid}/task/${pid}/children`;
	return existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

/** User + system CPU seconds used so far by these processes (Linux /proc; 0 elsewhere). */
export function cpuSeconds(pids: number[]): number {
	let ticks = 0;
	for (const pid of pids) {
		const file = `/proc/${pid}/stat`;
		if (!existsSync(file)) continue;
		// Fields after the command name, which may hold spaces: state is the first, utime the 12th, stime the 13th.
		const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
		ticks += Number(fields[11]) + Number(fields[12]);
	}
	return ticks / ticksPerSecond;
}

// ---- load ----------------------------------------------------------------------------------------------------

export type Load = {
	name: string;
	rps: number;
	p50: number;
	p975: number;
	p99: number;
	max: number;
	errors: number;
	non2xx: number;
	/** CPU time the server's processes spent per request, in µs: comparable even on a busy machine. */
	serverCpuUs: number;
	/** Share of one core autocannon used: near 100 % means the load generator, not the server, set the pace. */
	clientCpu: number;
};

/** autocannon against `url` for `seconds`, with a line of progress every 5 s; `pids` are the server's processes. */
export async function load(name: string, url: string, connections: number, seconds: number, pids: () => number[]): Promise<Load> {
	const serverBefore = cpuSeconds(pids());
	const clientBefore = process.cpuUsage();
	const wallBefore = process.hrtime.bigint();
	const result = await step(
		`${name}: ${connections} connections for ${seconds} s`,
		() => autocannon({ url, connections, duration: seconds }),
		seconds * 1000
	);
	const wall = Number(process.hrtime.bigint() - wallBefore) / 1e9;
	const client = process.cpuUsage(clientBefore);
	const serverCpu = cpuSeconds(pids()) - serverBefore;
	return {
		name,
		rps: result.requests.average,
		p50: result.latency.p50,
		p975: result.latency.p97_5,
		p99: result.latency.p99,
		max: result.latency.max,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
		serverCpuUs: result.requests.total ? (serverCpu / result.requests.total) * 1e6 : NaN,
		clientCpu: (client.user + client.system) / 1e6 / wall
	};
}

// ---- figures -------------------------------------------------------------------------------------------------

export function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A Markdown table, which reads well in a terminal too and pastes into RESULTS.md as it is. */
export function table(head: string[], rows: (string | number)[][]): string {
	const cells = [head, ...rows.map((r) => r.map(String))];
	const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
	const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}
