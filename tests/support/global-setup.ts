// Migrates one template per backend per run; every test file then starts from a copy of it. On PostgreSQL the
// URL's own database is only the maintenance connection that creates and drops the test databases.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/lib/server/db/client.ts';
import { withDatabase } from './pg-url.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
		postgresTemplate: string;
	}
}

export default async function setup(project: TestProject) {
	const kind = project.config.env?.TEST_DB_KIND;
	if (kind === 'postgres') {
		const url = process.env.TEST_DATABASE_URL!;
		const name = `cp_tpl_${process.pid}_${Date.now().toString(36)}`;
		const admin = await openPostgres(url, { max: 1 });
		await admin.db.execute(`CREATE DATABASE "${name}"`);
		const template = await openPostgres(withDatabase(url, name), { max: 1 });
		await template.migrate();
		await template.close();
		project.provide('postgresTemplate', name);
		return async () => {
			await admin.db.execute(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await admin.close();
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'cp-pglite-'));
	const database = await openPglite();
	await database.migrate();
	const dump = await (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client.dumpDataDir('none');
	await database.close();
	const file = join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteTemplate', file);
	return () => rmSync(dir, { recursive: true, force: true });
}
