// Many rows in one statement, for imports. Drizzle's multi-row INSERT binds one parameter per value (6,000 for 250
// notes) and takes longer to build that statement than the database takes to run it; PGlite then parses every
// parameter in the app's own thread. Here the rows travel as one JSON parameter that PostgreSQL turns back into
// rows of the table's own type (`json_populate_recordset`): measured 3 to 4 times faster on PGlite. Plain SQL that
// PGlite and PostgreSQL 15 both run. Nothing here is specific to notes: it could move to db/ if others need it.
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

// A statement's JSON stays under a few megabytes, whatever the notes hold (a body may have 200,000 characters).
const MAX_JSON_CHARS = 4_000_000;

/** The rows as JSON arrays of at most MAX_JSON_CHARS, keyed by column name; every row must give the same keys. */
function* jsonParts<T extends PgTable>(table: T, rows: readonly Record<string, unknown>[]): Generator<{ columns: string[]; json: string }> {
	const byKey = getTableColumns(table) as Record<string, { name: string }>;
	const keys = Object.keys(rows[0]).filter((k) => rows[0][k] !== undefined);
	for (const row of rows) {
		const given = Object.keys(row).filter((k) => row[k] !== undefined);
		// A key absent from some rows would insert NULL there instead of the column's default: refuse it.
		if (given.length !== keys.length || given.some((k) => !keys.includes(k)))
			throw new Error(`Rows of ${getTableName(table)} differ in their keys`);
	}
	const columns = keys.map((k) => byKey[k].name);
	let part: string[] = [];
	let size = 0;
	for (const row of rows) {
		const text = JSON.stringify(Object.fromEntries(keys.map((k, i) => [columns[i], row[k]])));
		if (part.length && size + text.length > MAX_JSON_CHARS) {
			yield { columns, json: `[${part.join(',')}]` };
			part = [];
			size = 0;
		}
		part.push(text);
		size += text.length + 1;
	}
	if (part.length) yield { columns, json: `[${part.join(',')}]` };
}

const list = (columns: string[]) =>
	sql.join(
		columns.map((c) => sql.identifier(c)),
		sql`, `
	);

/**
 * INSERTs the rows (as `table.$inferInsert`: Dates, arrays and nulls as Drizzle takes them). Keys left undefined in
 * every row take the column's default; every row must give the same keys.
 */
export async function insertRows<T extends PgTable>(tx: Db, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
	if (!rows.length) return;
	const name = sql.identifier(getTableName(table));
	for (const { columns, json } of jsonParts(table, rows as Record<string, unknown>[])) {
		await tx.execute(
			sql`insert into ${name} (${list(columns)}) select ${list(columns)} from json_populate_recordset(null::${name}, ${json}::json)`
		);
	}
}

/**
 * UPDATEs rows by `key` (a column of the table): each row sets the columns it gives. Rows that give the same
 * columns share one statement.
 */
export async function updateRows<T extends PgTable>(
	tx: Db,
	table: T,
	key: keyof T['$inferSelect'] & string,
	rows: readonly Partial<T['$inferInsert']>[]
): Promise<void> {
	const groups = new Map<string, Record<string, unknown>[]>();
	for (const row of rows as Record<string, unknown>[]) {
		const shape = Object.keys(row)
			.filter((k) => row[k] !== undefined)
			.sort()
			.join(',');
		const group = groups.get(shape);
		if (group) group.push(row);
		else groups.set(shape, [row]);
	}
	const name = sql.identifier(getTableName(table));
	const keyName = (getTableColumns(table) as Record<string, { name: string }>)[key].name;
	for (const group of groups.values()) {
		for (const { columns, json } of jsonParts(table, group)) {
			const set: SQL[] = columns.filter((c) => c !== keyName).map((c) => sql`${sql.identifier(c)} = v.${sql.identifier(c)}`);
			if (!set.length) continue;
			await tx.execute(
				sql`update ${name} set ${sql.join(set, sql`, `)} from json_populate_recordset(null::${name}, ${json}::json) as v where ${name}.${sql.identifier(keyName)} = v.${sql.identifier(keyName)}`
			);
		}
	}
}
