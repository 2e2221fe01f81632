import { config as loadConfig, type Config } from './config.ts';
import { appDatabase, closeAppDatabase } from './db/index.ts';
import { getApp } from './app.ts';
import { seedDemo } from './demo/seed.ts';
import { warmCitations } from './citations/index.ts';
import { watchSearchCache } from './search/index.ts';

/** Opens and migrates the database, loads demo content into an empty one, and says where things are. */
export async function boot(): Promise<{ config: Config; shutdown: () => Promise<void> }> {
	const config = loadConfig();
	const where = config.databaseUrl ? `PostgreSQL at ${new URL(config.databaseUrl).host}` : `PGlite in ${config.dataDir}/db`;
	console.log(`Opening the database (${where})…`);
	const database = await appDatabase(config);
	// Search answers are kept between two writes, emptied by the notification that empties the page cache (ADR 8).
	await watchSearchCache(database);
	if (config.demoContent) {
		const { ctx, auth } = await getApp();
		const seeded = await seedDemo(ctx, auth);
		if (seeded) console.log(seeded);
	}
	// The first citation per style and language takes about a second: pay it now, not on a reader's first view.
	await warmCitations();
	return { config, shutdown: closeAppDatabase };
}
