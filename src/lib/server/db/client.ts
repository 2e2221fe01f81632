import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { listenPostgres } from './listen.ts';

export type Schema = typeof schema;
/** A database or a transaction: both drivers share this surface. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
	db: Db;
	kind: 'pglite' | 'postgres';
	migrate(): Promise<void>;
	/**
	 * Calls `onNotify` once per NOTIFY on `channel` (lower case), with its payload, from any session, this process's
	 * own included: those arrive before the writing statement or COMMIT returns. On PostgreSQL, after its listening
	 * connection was lost and made again, it is called once with no payload: what happened meanwhile is unknown.
	 * Resolves once listening, with a function that stops.
	 */
	listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
};

const migrationsFolder = new URL('./migrations', import.meta.url).pathname;

// PGlite loads contrib extensions per instance: every open of a data dir must pass them.
export const pgliteExtensions = { unaccent, pg_trgm };

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}): Promise<Database> {
	if (options.dataDir) mkdirSync(dirname(options.dataDir), { recursive: true });
	const client = await PGlite.create({
		dataDir: options.dataDir,
		loadDataDir: options.loadDataDir,
		extensions: pgliteExtensions
	});
	const db = drizzlePglite(client, { schema }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
		// One in-process connection: PGlite calls listeners before the query that committed resolves (measured).
		listen: async (channel, onNotify) => {
			const unlisten = await client.listen(channel, (payload) => onNotify(payload));
			return () => unlisten();
		},
		close: () => client.close()
	};
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
	const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
	// An idle connection dropped by the server (restart, failover, DROP DATABASE) must not crash the process;
	// the pool replaces it on the next query.
	pool.on('error', (e) => console.error(`[db] idle connection lost: ${e.message}`));
	const db = drizzlePg(pool, { schema }) as unknown as Db;
	const listeners = new Set<() => Promise<void>>();
	return {
		db,
		kind: 'postgres',
		migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
		listen: async (channel, onNotify) => {
			const stop = await listenPostgres(pool, url, channel, onNotify);
			listeners.add(stop);
			return () => {
				listeners.delete(stop);
				return stop();
			};
		},
		// A listening connection is outside the pool: it would keep the process alive.
		close: async () => {
			await Promise.all([...listeners].map((stop) => stop()));
			await pool.end();
		}
	};
}

export { schema };

/** Rows of a raw SQL query; both drivers answer `{ rows }`, which the shared Db type cannot express. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };
	return result.rows;
}
