import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { openPglite, openPostgres, type Database } from './client.ts';
import { lockDataDir } from './lock.ts';
import { startMaintenance } from './maintenance.ts';

export { DataDirBusyError } from './lock.ts';

export { type Db, type Database, schema, queryRows } from './client.ts';

// Only one process may open a PGlite data dir, and `vite dev` re-imports modules on change:
// the instance lives on globalThis so a reload reuses it instead of opening a second one.
const KEY = Symbol.for('commonplace.database');
type Holder = { [KEY]?: Promise<Database> };

/** The application's database, opened and migrated once per process. */
export function appDatabase(cfg: Config): Promise<Database> {
	const holder = globalThis as Holder;
	holder[KEY] ??= (async () => {
		if (cfg.databaseUrl) {
			const database = await openPostgres(cfg.databaseUrl);
			await database.migrate();
			return database;
		}
		mkdirSync(cfg.dataDir, { recursive: true });
		const release = lockDataDir(cfg.dataDir);
		let database: Database;
		try {
			database = await openPglite({ dataDir: join(cfg.dataDir, 'db') });
			await database.migrate();
		} catch (e) {
			release();
			throw e;
		}
		// PostgreSQL servers run autovacuum; an embedded database gets the same from this process.
		const stopMaintenance = startMaintenance(database.db);
		return {
			...database,
			close: async () => {
				await stopMaintenance();
				await database.close();
				release();
			}
		};
	})();
	return holder[KEY];
}

export async function closeAppDatabase(): Promise<void> {
	const holder = globalThis as Holder;
	const pending = holder[KEY];
	holder[KEY] = undefined;
	// A database that failed to open has nothing to close.
	if (pending)
		await pending.then(
			(database) => database.close(),
			() => undefined
		);
}
