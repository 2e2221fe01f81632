// `npm run bench`: every benchmark in turn, each in its own process (bench/README.md).
import { spawnSync } from 'node:child_process';

const BENCHMARKS = ['bench/note-page.ts', 'bench/notebook.ts', 'bench/search.ts', 'bench/discussions.ts'];

let failed = 0;
for (const file of BENCHMARKS) {
	console.log(`\n##### ${file}\n`);
	const result = spawnSync(process.execPath, [file], { stdio: 'inherit' });
	if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
