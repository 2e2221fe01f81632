import { config as loadConfig, type Config } from './config.ts';
import { appDatabase, closeAppDatabase } from './db/index.ts';
import { getApp } from './app.ts';
import { seedDemo } from './demo/seed.ts';
import { warmCitations } from './citations/index.ts';
import { startKeepingCommonWords, watchSearchCache } from './search/index.ts';
import { liveHub, stopLiveHub } from './realtime/index.ts';
import { startMailSender, startScheduler } from './notifications/index.ts';

/** Opens and migrates the database, loads demo content into an empty one, and says where things are. */
export async function boot(): Promise<{ config: Config; shutdown: () => Promise<void> }> {
	const config = loadConfig();
	const where = config.databaseUrl ? `PostgreSQL at ${new URL(config.databaseUrl).host}` : `PGlite in ${config.dataDir}/db`;
	console.log(`Opening the database (${where})…`);
	const database = await appDatabase(config);
	// Search answers are kept between two writes, emptied by the notification that empties the page cache (ADR 8).
	await watchSearchCache(database);
	// The counts of the most common words are kept ahead of searches (ADR 8), as the statistics find them.
	const stopKeepingWords = startKeepingCommonWords(database.db);
	// Live events (ADR 11): one LISTEN for the whole process, before any stream opens.
	await liveHub(database);
	if (config.demoContent) {
		const { ctx, auth } = await getApp();
		const seeded = await seedDemo(ctx, auth);
		if (seeded) console.log(seeded);
	}
	// The first citation per style and language takes about a second: pay it now, not on a reader's first view.
	await warmCitations();
	// Notification mail (ADR 10): what a commit queued goes out at once; digests run when due, a missed one now.
	const { ctx } = await getApp();
	const mailSender = await startMailSender(ctx, database);
	const scheduler = startScheduler(ctx, { onQueued: mailSender.wake });
	return {
		config,
		shutdown: async () => {
			await scheduler.stop();
			await mailSender.stop();
			await stopKeepingWords();
			await stopLiveHub();
			await closeAppDatabase();
		}
	};
}
