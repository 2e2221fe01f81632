// `npm run test:e2e`: the browser suite, on Debian's Chromium (never a downloaded one). Without /usr/bin/chromium
// it says so loudly and exits 0, so a machine without a browser still runs everything else; scripts/test.ts and
// the summary there make the skip visible. Extra arguments go to vitest (a file filter, -t "name"…).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));

if (!existsSync(CHROMIUM)) {
	const bar = '!'.repeat(72);
	console.log(`\n${bar}\n!!! SKIPPED: browser suite — ${CHROMIUM} not found (apt-get install chromium)\n${bar}\n`);
	process.exit(0);
}

const result = spawnSync(
	process.execPath,
	['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/e2e/vitest.config.ts', ...process.argv.slice(2)],
	{
		cwd: root,
		stdio: 'inherit'
	}
);
process.exit(result.status ?? 1);
