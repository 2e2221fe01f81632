// Starts one built app (fresh PGlite data dir, no SMTP: mail links go to its log) for all browser tests.
// Test files run in other processes, so the app's log is also written to a file they can read.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
	// Every file signs the demo accounts in again, more often than the per-address limit allows in 15 minutes; the
	// demo accounts also write and share from every file, within the hour the spam limits count.
	const app = await startApp({
		backend: 'pglite',
		logFile,
		env: { SIGN_IN_LIMIT_PER_EMAIL: '1000', SIGN_IN_LIMIT_PER_CLIENT: '1000', DM_LIMIT_PER_HOUR: '1000', SHARE_LIMIT_PER_HOUR: '1000' }
	});
	project.provide('appUrl', app.url);
	project.provide('appLogFile', logFile);
	return async () => {
		await app.stop();
		// The app's own account of a failure (a 500's stack) is gone with its log: show what it said about errors.
		const errors = readFileSync(logFile, 'utf8')
			.split('\n')
			.filter((line, i, lines) => /error/i.test(line) || /^\s+at /.test(line) || /error/i.test(lines[i - 1] ?? ''));
		if (errors.length) console.log(`--- errors in the app log ---\n${errors.slice(-60).join('\n')}`);
		rmSync(dir, { recursive: true, force: true });
	};
}
