// LISTEN on PostgreSQL through a pool, for signals such as "pages changed" (src/lib/server/page-cache).
import pg from 'pg';

const RECONNECT_MS = 1_000;
const FORGET_PID_MS = 10_000;

/**
 * Calls `onNotify` with the payload of every NOTIFY on `channel`, from this process or any other, once each, until the
 * returned stop is called.
 *
 * Two kinds of connection listen, for two reasons (measured here on PostgreSQL 15 over loopback):
 * - every pool connection, from the first time it is handed out after this call: a session receives its own
 *   notifications before its COMMIT returns, so a write in this process is seen before the writer gets its answer;
 *   a separate connection got them up to 0.2 ms after, enough for the writer's next read to find a stale page;
 * - one dedicated connection, which the pool's idle timeout never closes, for writes from other processes. When it
 *   is lost it reconnects and calls `onNotify` once with no payload, since what happened meanwhile is unknown.
 * Every listening session hears every notification: a pool connection passes on only those its own session sent,
 * the dedicated one all the others (live events, realtime/, must arrive once).
 */
export async function listenPostgres(
	pool: pg.Pool,
	url: string,
	channel: string,
	onNotify: (payload?: string) => void
): Promise<() => Promise<void>> {
	if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
	let stopped = false;
	// The server process ids of the pool connections that listen: the dedicated connection leaves their own
	// notifications to them. Kept a while after a connection closes, for a notification still on its way.
	const poolPids = new Set<number>();
	const pidOf = (client: pg.ClientBase) => (client as unknown as { processID?: number }).processID;

	const listening = new WeakSet<pg.PoolClient>();
	const onAcquire = (client: pg.PoolClient) => {
		if (listening.has(client)) return;
		listening.add(client);
		const pid = pidOf(client);
		if (pid !== undefined) poolPids.add(pid);
		client.on('notification', (message: pg.Notification) => {
			if (!stopped && message.channel === channel && message.processId === pid) onNotify(message.payload);
		});
		// Queued before the query the client was handed out for, so it runs first.
		client.query(`LISTEN ${channel}`).catch((e: Error) => {
			if (pid !== undefined) poolPids.delete(pid);
			console.error(`[db] LISTEN ${channel} failed: ${e.message}`);
		});
	};
	const forgetTimers = new Set<NodeJS.Timeout>();
	const onRemove = (client: pg.PoolClient) => {
		const pid = pidOf(client);
		if (pid === undefined || !listening.has(client)) return;
		const timer = setTimeout(() => {
			forgetTimers.delete(timer);
			poolPids.delete(pid);
		}, FORGET_PID_MS);
		timer.unref();
		forgetTimers.add(timer);
	};
	pool.on('acquire', onAcquire);
	pool.on('remove', onRemove);
	const notified = (message: pg.Notification) => {
		if (!stopped && message.channel === channel && !poolPids.has(message.processId)) onNotify(message.payload);
	};

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
		pool.off('remove', onRemove);
		for (const t of forgetTimers) clearTimeout(t);
		await dedicated?.end().catch(() => undefined);
	};
}
