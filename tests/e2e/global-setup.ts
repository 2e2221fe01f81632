// Starts one built app (fresh PGlite data dir, no SMTP: mail links go to its log) for all browser tests.
// Test files run in other processes, so the app's log is also written to a file they can read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureBuild, startApp } from '../support/server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		appUrl: string;
		appLogFile: string;
	}
}

export default async function setup(project: TestProject) {
	await ensureBuild();
	const dir = mkdtempSync(join(tmpdir(), 'cp-e2e-'));
	const logFile = join(dir, 'app.log');
	writeFileSync(logFile, '');
	const app = await startApp({ backend: 'pglite', logFile });
	project.provide('appUrl', app.url);
	project.provide('appLogFile', logFile);
	return async () => {
		await app.stop();
		rmSync(dir, { recursive: true, force: true });
	};
}
