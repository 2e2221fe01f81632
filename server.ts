// Production entry: migrate and load demo content, then serve the built SvelteKit app over plain node:http.
// The anonymous page cache answers before SvelteKit (DESIGN §3a: a hit there costs a sixth of one inside `handle`).
import { createServer } from 'node:http';
import { boot } from './src/lib/server/boot.ts';
import { appDatabase } from './src/lib/server/db/index.ts';
import { cachePages } from './src/lib/server/page-cache/index.ts';
import { liveStreamCount } from './src/lib/server/realtime/index.ts';

const started = Date.now();
const { config, shutdown } = await boot();
// adapter-node assumes https unless told: the scheme users reach us by is PUBLIC_URL's, proxy or not,
// and SvelteKit's CSRF origin check and better-auth's cookies depend on it.
const scheme = new URL(config.publicUrl).protocol.replace(':', '');
process.env.PROTOCOL_HEADER = 'x-commonplace-scheme';
// Avatars (5 MB) and, later, attachments exceed adapter-node's 512 KB default; the use cases enforce their own limits.
process.env.BODY_SIZE_LIMIT ??= '26M';
const buildDir = process.env.COMMONPLACE_BUILD_DIR ?? 'build';
const { handler } = (await import(new URL(`${buildDir}/handler.js`, `file://${process.cwd()}/`).href)) as {
	handler: import('node:http').RequestListener;
};

// Listening starts before the server does: no page can be cached before changes can empty the cache.
const pages = await cachePages(await appDatabase(config), handler, config.pageCacheBytes);

const server = createServer((req, res) => {
	req.headers['x-commonplace-scheme'] = scheme;
	pages.listener(req, res);
});
server.listen(config.port, config.host, () => {
	const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
	console.log(
		`Commonplace is ready on http://${shown}:${config.port} (public URL ${config.publicUrl}) in ${((Date.now() - started) / 1000).toFixed(1)} s`
	);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (stopping) process.exit(1);
		stopping = true;
		// Counted before the connections close: a count that stays above the open pages' tells of a leak (ADR 11).
		console.log(`Stopping… (${liveStreamCount()} live event streams open)`);
		server.close();
		server.closeAllConnections();
		// PGlite must be closed or its data dir stays locked and the process ignores the signal.
		// Closing the database also ends its LISTEN connection.
		void shutdown().finally(() => process.exit(0));
	});
}
