// The embedded database's stand-in for autovacuum (maintenance.ts): its thresholds, and a pass on a real database.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { queryRows } from './index.ts';
import { maintainOnce, tablesDue } from './maintenance.ts';

const t = useTestContext();

describe('tablesDue', () => {
	it("uses autovacuum's default thresholds: 50 rows plus 10 % to analyze, 20 % of dead rows to vacuum", () => {
		expect(tablesDue([{ table: 'a', live: 1000, modified: 150, dead: 0 }])).toEqual([]);
		expect(tablesDue([{ table: 'a', live: 1000, modified: 151, dead: 0 }])).toEqual([{ table: 'a', vacuum: false }]);
		expect(tablesDue([{ table: 'a', live: 1000, modified: 0, dead: 251 }])).toEqual([{ table: 'a', vacuum: true }]);
		expect(tablesDue([{ table: 'a', live: 0, modified: 50, dead: 50 }])).toEqual([]);
	});
});

describe('maintainOnce', () => {
	it('analyzes a table once enough of it changed, and leaves it alone until it changes again', async () => {
		await t.ctx.db.execute(
			sql`insert into notebook (id, title, visibility) select 'mt' || i, 'Carnet ' || i, 'public' from generate_series(1, 300) i`
		);
		expect(await maintainOnce(t.ctx.db)).toContain('notebook');
		const [stats] = await queryRows<{ analyzed: boolean }>(
			t.ctx.db,
			sql`select coalesce(last_analyze, last_autoanalyze) is not null as analyzed from pg_stat_user_tables where relname = 'notebook'`
		);
		expect(stats.analyzed).toBe(true);
		// The planner now knows the table's size, which is what the notebook page's plans depend on.
		const [cls] = await queryRows<{ n: number }>(t.ctx.db, sql`select reltuples::int as n from pg_class where relname = 'notebook'`);
		expect(cls.n).toBeGreaterThanOrEqual(300);
		expect(await maintainOnce(t.ctx.db)).not.toContain('notebook');
	});
});
