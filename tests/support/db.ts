import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig, type Config } from '../../src/lib/server/config.ts';
import { openPglite, openPostgres, type Database } from '../../src/lib/server/db/client.ts';
import type { Ctx } from '../../src/lib/server/context.ts';
import type { Mailer, OutgoingMail } from '../../src/lib/server/mail/mailer.ts';
import { withDatabase } from './pg-url.ts';

/** Opens a fresh copy of the migrated template on this project's backend. */
export async function openTestDatabase(): Promise<Database & { dropDatabase(): Promise<void> }> {
	if (process.env.TEST_DB_KIND === 'postgres') {
		const url = process.env.TEST_DATABASE_URL!;
		const name = `cp_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = await openPostgres(url, { max: 1 });
		await admin.db.execute(`CREATE DATABASE "${name}" TEMPLATE "${inject('postgresTemplate')}"`);
		const database = await openPostgres(withDatabase(url, name), { max: 4 });
		return {
			...database,
			async dropDatabase() {
				await database.close();
				await admin.db.execute(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
				await admin.close();
			}
		};
	}
	const tar = readFileSync(inject('pgliteTemplate'));
	const database = await openPglite({ loadDataDir: new Blob([tar]) });
	return { ...database, dropDatabase: () => database.close() };
}

/** A mailer that keeps what it sends, for assertions; tests/integration/http/mail.test.ts covers real SMTP. */
export function memoryMailer(): Mailer & { sent: OutgoingMail[] } {
	const sent: OutgoingMail[] = [];
	return { sent, send: async (mail) => void sent.push(mail) };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
	const dataDir = mkdtempSync(join(tmpdir(), 'cp-data-'));
	return { ...loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: 'test-secret-test-secret-test-secret-00' }), ...overrides };
}

/**
 * One database per test file: `const t = useTestContext();` then `t.ctx` inside tests.
 * The database is dropped after the file.
 */
export function useTestContext() {
	const holder = {} as { ctx: Ctx & { mailer: ReturnType<typeof memoryMailer> }; database: Database };
	let drop: () => Promise<void>;
	beforeAll(async () => {
		const database = await openTestDatabase();
		drop = database.dropDatabase;
		const config = testConfig();
		holder.database = database;
		holder.ctx = { db: database.db, config, mailer: memoryMailer() };
	});
	afterAll(async () => {
		await drop?.();
		if (holder.ctx) rmSync(holder.ctx.config.dataDir, { recursive: true, force: true });
	});
	return holder;
}
