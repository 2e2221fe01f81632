import { defineConfig } from 'vitest/config';

// Browser tests: one built app for the whole suite (global-setup.ts), files one after another, since each drives
// Chromium and the machine may have only two cores. Run through tests/e2e/run.ts (`npm run test:e2e`).
export default defineConfig({
	test: {
		name: 'e2e',
		root: new URL('../..', import.meta.url).pathname,
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		fileParallelism: false,
		pool: 'forks',
		testTimeout: 90_000,
		hookTimeout: 180_000
	}
});
