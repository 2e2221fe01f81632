import { defineConfig } from 'vitest/config';

// Unit tests (src/lib/domain) run once. Database tests run on PGlite always, and on PostgreSQL too when
// TEST_DATABASE_URL names a server; each file gets its own copy of a migrated template (tests/support).
const dbTests = ['src/lib/server/**/*.test.ts', 'tests/integration/**/*.test.ts'];
const projects = [
	{ test: { name: 'unit', include: ['src/lib/domain/**/*.test.ts', 'src/lib/*.test.ts'] } },
	{
		test: {
			name: 'pglite',
			include: dbTests,
			globalSetup: ['tests/support/global-setup.ts'],
			env: { TEST_DB_KIND: 'pglite' },
			testTimeout: 30_000,
			hookTimeout: 60_000
		}
	}
];
if (process.env.TEST_DATABASE_URL) {
	projects.push({
		test: {
			name: 'postgres',
			include: dbTests,
			globalSetup: ['tests/support/global-setup.ts'],
			env: { TEST_DB_KIND: 'postgres' },
			testTimeout: 30_000,
			hookTimeout: 60_000
		}
	});
}

export default defineConfig({ test: { projects, pool: 'forks' } });
