// `npm start`: build the app when the sources are newer than the last build, then run server.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'paraglide' || entry.name === 'node_modules') continue;
		const path = join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}
	return latest;
}

const marker = 'build/handler.js';
const sources = Math.max(
	newest('src'),
	newest('messages'),
	newest('static'),
	statSync('vite.config.ts').mtimeMs,
	statSync('package-lock.json').mtimeMs
);
if (!existsSync(marker) || statSync(marker).mtimeMs < sources) {
	console.log('Building Commonplace (about a minute the first time)…');
	const started = Date.now();
	const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
	console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
const server = spawnSync(process.execPath, ['server.ts'], { stdio: 'inherit' });
process.exit(server.status ?? 0);
