// Once per backend project: build the app (if sources changed) and, on PGlite, make the data dir every test
// file's app starts from a copy of. Each file then starts its own server.
import type { TestProject } from 'vitest/node';
import { ensureBuild, preparePgliteTemplate } from '../../support/server.ts';

export default async function setup(project: TestProject) {
	await ensureBuild();
	if (project.config.env?.TEST_DB_KIND !== 'postgres') return preparePgliteTemplate();
}
