import { configDefaults, defineConfig } from 'vitest/config';

// Unit tests (src/lib/domain) run once. Database tests run on PGlite always, and on PostgreSQL too when
// TEST_DATABASE_URL names a server; each file gets its own copy of a migrated template (tests/support).
// HTTP tests (tests/integration/http) start the built app as a child process, once per backend too.
// Browser tests are not a project here: tests/e2e/run.ts runs them when Chromium is installed.
const http = 'tests/integration/http/**/*.test.ts';
// Pure server modules with no database: they run once, in the unit project.
const pureServer = [
	'src/lib/server/notes/render/**/*.test.ts',
	'src/lib/server/citations/**/*.test.ts',
	'src/lib/server/page-cache/**/*.test.ts',
	'src/lib/server/open-data/feed-xml.test.ts',
	'src/lib/server/http/csrf.test.ts',
	'src/lib/server/periodic.test.ts'
];
const dbTests = ['src/lib/server/**/*.test.ts', 'tests/integration/**/*.test.ts'];
const dbProject = (kind: 'pglite' | 'postgres') => ({
	test: {
		name: kind,
		include: dbTests,
		exclude: [...configDefaults.exclude, http, ...pureServer],
		globalSetup: ['tests/support/global-setup.ts'],
		env: { TEST_DB_KIND: kind },
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
const httpProject = (kind: 'pglite' | 'postgres') => ({
	test: {
		name: `http-${kind}`,
		include: [http],
		globalSetup: ['tests/integration/http/global-setup.ts'],
		env: { TEST_DB_KIND: kind },
		testTimeout: 30_000,
		// A fresh PGlite data dir takes 15–20 s to initialise inside the app, more on a busy machine.
		hookTimeout: 180_000
	}
});

const projects = [
	{
		test: {
			name: 'unit',
			include: ['src/lib/domain/**/*.test.ts', 'src/lib/*.test.ts', ...pureServer]
		}
	},
	dbProject('pglite'),
	httpProject('pglite')
];
if (process.env.TEST_DATABASE_URL) projects.push(dbProject('postgres'), httpProject('postgres'));

export default defineConfig({ test: { projects, pool: 'forks' } });
