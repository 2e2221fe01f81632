// LISTEN on PostgreSQL through a pool, for signals such as "pages changed" (src/lib/server/page-cache).
import pg from 'pg';

const RECONNECT_MS = 1_000;

/**
 * Calls `onNotify` for every NOTIFY on `channel`, from this process or any other, until the returned stop is called.
 *
 * Two kinds of connection listen, for two reasons (measured here on PostgreSQL 15 over loopback):
 * - every pool connection, from the first time it is handed out after this call: a session receives its own
 *   notifications before its COMMIT returns, so a write in this process is seen before the writer gets its answer;
 *   a separate connection got them up to 0.2 ms after, enough for the writer's next read to find a stale page;
 * - one dedicated connection, which the pool's idle timeout never closes, for writes from other processes. When it
 *   is lost it reconnects and calls `onNotify` once, since what happened meanwhile is unknown.
 */
export async function listenPostgres(pool: pg.Pool, url: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
	if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
	let stopped = false;
	const notified = (message: pg.Notification) => {
		if (!stopped && message.channel === channel) onNotify();
	};

	const listening = new WeakSet<pg.PoolClient>();
	const onAcquire = (client: pg.PoolClient) => {
		if (listening.has(client)) return;
		listening.add(client);
		client.on('notification', notified);
		// Queued before the query the client was handed out for, so it runs first.
		client.query(`LISTEN ${channel}`).catch((e: Error) => console.error(`[db] LISTEN ${channel} failed: ${e.message}`));
	};
	pool.on('acquire', onAcquire);

	let dedicated: pg.Client | undefined;
	let timer: NodeJS.Timeout | undefined;
	const connect = async (): Promise<void> => {
		const client = new pg.Client({ connectionString: url });
		client.on('notification', notified);
		client.on('error', (e) => console.error(`[db] LISTEN connection lost: ${e.message}`));
		client.on('end', () => {
			if (stopped || dedicated !== client) return;
			dedicated = undefined;
			timer = setTimeout(reconnect, RECONNECT_MS);
		});
		try {
			await client.connect();
			await client.query(`LISTEN ${channel}`);
		} catch (e) {
			await client.end().catch(() => undefined);
			throw e;
		}
		dedicated = client;
	};
	const reconnect = () => {
		connect().then(
			() => !stopped && onNotify(),
			(e: Error) => {
				console.error(`[db] LISTEN reconnect failed: ${e.message}`);
				if (!stopped) timer = setTimeout(reconnect, RECONNECT_MS);
			}
		);
	};
	await connect();

	return async () => {
		stopped = true;
		clearTimeout(timer);
		pool.off('acquire', onAcquire);
		await dedicated?.end().catch(() => undefined);
	};
}
