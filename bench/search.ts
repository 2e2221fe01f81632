// Issue 5's benchmark: search across 100,000 notes of real prose (Debian's manual pages, French and English, built by
// bench/search-corpus.ts), 20 representative queries timed through the search use case as the app calls it, on
// PGlite and on PostgreSQL. Run: `npm run bench:search` (bench/README.md). PGlite always; PostgreSQL too when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server, on a database of its own, dropped at the end.
// BENCH_SEARCH_NOTES (100,000) sets the corpus, BENCH_SEARCH_ROUNDS (10) the timed runs of each query,
// BENCH_SEARCH_TRIGGER_NOTES (5,000) the import used to price the index triggers, BENCH_SEARCH_ONLY=pglite|postgres one
// backend. BENCH_SEARCH_KEEP=1 keeps the corpus (PostgreSQL database cp_bench_search_<notes>, PGlite directory
// .cache/bench-search-pglite-<notes>) and reuses it on the next run, which does not write it again. The primary
// figures are cold: the result cache is off (only the databases' own buffers are warm); the baseline is the same
// rounds with no counts of common words kept, every match counted; the same rounds then run with the cache armed, as
// the app runs, where a query repeated between two writes is answered from memory.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { anonymous, type Viewer } from '../src/lib/domain/viewer.ts';
import { viewerOf } from '../src/lib/server/accounts/index.ts';
import { openPglite, openPostgres, queryRows, type Database, type Db } from '../src/lib/server/db/client.ts';
import { maintainOnce } from '../src/lib/server/db/maintenance.ts';
import { keepCommonWords } from '../src/lib/server/search/common-words.ts';
import { searchCommons, watchSearchCache, type SearchQuery } from '../src/lib/server/search/index.ts';
import { withDatabase } from '../tests/support/pg-url.ts';
import { benchAuthorId, loadSearchCorpus, manCorpus, SEARCH_BENCH_NOTEBOOKS } from './search-corpus.ts';
import { fileURLToPath } from 'node:url';
import { cleanup, machine, onCleanup, percentile, say, step, table, workDir } from './support.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOTES = Number(process.env.BENCH_SEARCH_NOTES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 10);
const TRIGGER_NOTES = Number(process.env.BENCH_SEARCH_TRIGGER_NOTES ?? 5_000);
const KEEP = process.env.BENCH_SEARCH_KEEP === '1';
const TARGETS = { pglite: 200, postgres: 50 } as const;
type Backend = keyof typeof TARGETS;

type Case = { class: string; name: string; query: SearchQuery; as?: 'member'; page2?: boolean };

const notebook = (title: string) => SEARCH_BENCH_NOTEBOOKS.find((n) => n.title === title)!.id;

/**
 * Twenty queries a reader of this corpus would type: common words that match a third of the notes or more, rarer
 * ones, several words, quoted phrases, exclusion and OR, titles typed with a typo, filters and a sort, a signed-in
 * member (who sees drafts, private and community notes too) and a second page.
 */
const CASES: Case[] = [
	{ class: 'common word', name: 'fichier', query: { q: 'fichier' } },
	{ class: 'common word', name: 'file', query: { q: 'file' } },
	{ class: 'common word', name: 'processus', query: { q: 'processus' } },
	{ class: 'rare word', name: 'sémaphore', query: { q: 'sémaphore' } },
	{ class: 'rare word', name: 'inode', query: { q: 'inode' } },
	{ class: 'rare word', name: 'repertoire (no accent)', query: { q: 'repertoire' } },
	{ class: 'rare word', name: 'securite (no accent)', query: { q: 'securite' } },
	{ class: 'words', name: 'mot de passe', query: { q: 'mot de passe' } },
	{ class: 'words', name: 'shared memory', query: { q: 'shared memory' } },
	{ class: 'words', name: 'expression rationnelle', query: { q: 'expression rationnelle' } },
	{ class: 'phrase', name: '"système de fichiers"', query: { q: '"système de fichiers"' } },
	{ class: 'phrase', name: '"regular expression"', query: { q: '"regular expression"' } },
	{ class: 'operators', name: 'signal -processus', query: { q: 'signal -processus' } },
	{ class: 'operators', name: 'tar OR gzip', query: { q: 'tar OR gzip' } },
	{ class: 'typo', name: 'chmood', query: { q: 'chmood' } },
	{ class: 'typo', name: 'crontabb', query: { q: 'crontabb' } },
	{
		class: 'filters',
		name: 'fichier, licence + notebook',
		query: { q: 'fichier', licence: 'CC-BY-4.0', notebook: notebook('Manipuler des fichiers') }
	},
	{ class: 'filters', name: 'network, English, newest first', query: { q: 'network', lang: 'en', sort: 'recent' } },
	{ class: 'signed in', name: 'mémoire (a member)', query: { q: 'mémoire' }, as: 'member' },
	{ class: 'page 2', name: 'file, second page', query: { q: 'file' }, page2: true }
];

type Timing = { c: Case; times: number[]; total: number };
type Figures = {
	backend: Backend;
	load: { seconds: number; rate: number };
	rebuild: { rows: number; indexes: number };
	triggers: { with: number; without: number };
	size: { database: string; index: string };
	timings: Timing[];
	/** The same rounds with the result cache armed (each query's first run fills it): the secondary figures. */
	warm: Timing[];
	/** The baseline, timed first in the same run: the same rounds with no kept counts, every match counted. */
	counted: Timing[];
	/** Keeping the counts of the common words: how many, how long, and the room they take. */
	common: { words: number; seconds: number; size: string };
};

/** A new database, dropped at the end; or, with `keep`, the kept one of that name, created if missing. */
async function open(backend: Backend, name: string, keep = false): Promise<Database> {
	if (backend === 'pglite') {
		const dir = keep ? join(ROOT, '.cache', `bench-search-pglite-${NOTES}`) : join(workDir('cp-bench-search-'), name);
		mkdirSync(dir, { recursive: true });
		return openPglite({ dataDir: join(dir, 'db') });
	}
	const url = serverUrl!;
	const db = keep ? `cp_bench_search_${NOTES}` : `cp_bench_search_${name}_${process.pid}`;
	const admin = await openPostgres(url, { max: 1 });
	if (keep) {
		const [found] = await queryRows<{ n: number }>(admin.db, sql`select count(*)::int as n from pg_database where datname = ${db}`);
		if (!found.n) await admin.db.execute(sql.raw(`CREATE DATABASE "${db}"`));
		await admin.close();
		return openPostgres(withDatabase(url, db));
	}
	await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`));
	await admin.db.execute(sql.raw(`CREATE DATABASE "${db}"`));
	onCleanup(async () => {
		await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`));
		await admin.close();
	});
	return openPostgres(withDatabase(url, db));
}

/** The notes a kept database already holds (0 when new). */
async function notesIn(db: Db): Promise<number> {
	const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from note`);
	return row.n;
}

/** What autovacuum does after a bulk load on a server, and the app's own maintenance on PGlite. */
async function settle(database: Database) {
	if (database.kind === 'pglite') await maintainOnce(database.db);
	else await database.db.execute(sql`vacuum analyze`);
}

/**
 * The search index rebuilt from the notes, as migration 0008 builds it on an existing database: the rows (vectors,
 * text, facts) with the indexes dropped, then the indexes.
 */
async function timeRebuild(db: Db): Promise<Figures['rebuild']> {
	const indexes = await queryRows<{ name: string; def: string }>(
		db,
		sql`select indexname as name, indexdef as def from pg_indexes where tablename = 'note_search' and indexname <> 'note_search_pkey'`
	);
	// Index columns whose statistics are off (migration 0014) keep that setting: CREATE INDEX does not carry it.
	const unmeasured = await queryRows<{ name: string; column: number }>(
		db,
		sql`select c.relname as name, a.attnum::int as column from pg_index i join pg_class c on c.oid = i.indexrelid
			join pg_attribute a on a.attrelid = i.indexrelid where i.indrelid = 'note_search'::regclass and a.attstattarget = 0`
	);
	for (const i of indexes) await db.execute(sql.raw(`DROP INDEX "${i.name}"`));
	await db.execute(sql`truncate note_search`);
	let from = performance.now();
	await db.execute(sql`select commonplace_note_search_refresh(array(select id from note))`);
	const rows = (performance.now() - from) / 1000;
	from = performance.now();
	for (const i of indexes) await db.execute(sql.raw(i.def));
	for (const u of unmeasured) await db.execute(sql.raw(`ALTER INDEX "${u.name}" ALTER COLUMN ${u.column} SET STATISTICS 0`));
	const built = (performance.now() - from) / 1000;
	await db.execute(sql`vacuum analyze note_search`);
	return { rows, indexes: built };
}

/**
 * The import rate of TRIGGER_NOTES notes into a new database, with the search triggers, then without. With them, the
 * new database keeps the counts of the corpus's common words, as a database of that size does: its notes are counted.
 */
async function timeTriggers(backend: Backend, words: { config: string; word: string }[]): Promise<Figures['triggers']> {
	const rate = async (enabled: boolean) => {
		const database = await open(backend, enabled ? 'triggers' : 'notriggers');
		try {
			await database.migrate();
			// Its index is empty: the words are kept with no count yet, as keeping them would count none.
			if (enabled && words.length)
				await database.db.execute(
					sql`insert into note_search_word (config, word) select * from unnest(${sql.param(words.map((w) => w.config))}::text[], ${sql.param(words.map((w) => w.word))}::text[])`
				);
			if (!enabled) {
				for (const [table, triggers] of Object.entries(SEARCH_TRIGGERS))
					for (const t of triggers) await database.db.execute(sql.raw(`ALTER TABLE "${table}" DISABLE TRIGGER "${t}"`));
			}
			const { seconds } = await loadSearchCorpus(database.db, { notes: TRIGGER_NOTES, quiet: true });
			return TRIGGER_NOTES / seconds;
		} finally {
			await database.close();
		}
	};
	return { with: await rate(true), without: await rate(false) };
}

const SEARCH_TRIGGERS: Record<string, string[]> = {
	note: ['note_search_inserted', 'note_search_updated'],
	note_author: ['note_search_authors_inserted', 'note_search_authors_updated', 'note_search_authors_deleted'],
	notebook_note: ['note_search_notebooks_inserted', 'note_search_notebooks_updated', 'note_search_notebooks_deleted']
};

async function timeQueries(db: Db): Promise<Timing[]> {
	// The member: the corpus's first author, in three communities, author of many drafts and private notes.
	const member = await viewerOf(db, benchAuthorId(0));
	const viewer = (c: Case): Viewer => (c.as === 'member' ? member : anonymous);
	const run = async (c: Case) => {
		let query = c.query;
		if (c.page2) query = { ...query, cursor: (await searchCommons(db, viewer(c), query)).nextCursor ?? undefined };
		const from = performance.now();
		const result = await searchCommons(db, viewer(c), query);
		return { ms: performance.now() - from, total: result.total };
	};
	const timings: Timing[] = CASES.map((c) => ({ c, times: [], total: 0 }));
	// One round to warm the buffers, then ROUNDS rounds, each in another order.
	for (const t of timings) t.total = (await run(t.c)).total;
	for (let round = 0; round < ROUNDS; round++) {
		const order = timings.map((_, i) => i).sort(() => Math.random() - 0.5);
		for (const i of order) timings[i].times.push((await run(timings[i].c)).ms);
	}
	for (const t of timings) t.times.sort((a, b) => a - b);
	return timings;
}

async function measure(backend: Backend): Promise<Figures> {
	say(`=== ${backend} ===`);
	const database = await step(`opening ${KEEP ? 'the kept' : 'a new'} ${backend} database`, () => open(backend, 'corpus', KEEP), 20_000);
	try {
		await step('migrating', () => database.migrate(), 20_000);
		const kept = KEEP ? await notesIn(database.db) : 0;
		if (kept && kept !== NOTES) throw new Error(`The kept ${backend} database holds ${kept} notes, not ${NOTES}: drop it first.`);
		if (kept) return await timeKept(backend, database);
		const load = await step(
			`writing ${NOTES.toLocaleString('en')} notes (the search index is kept by triggers as they are written)`,
			() =>
				loadSearchCorpus(database.db, {
					notes: NOTES,
					quiet: true,
					onProgress: (done) => done % 10_000 === 0 && say(`  ${done.toLocaleString('en')} notes`)
				}),
			NOTES * 5
		);
		await step('vacuum and analyze', () => settle(database), 30_000);
		const rebuild = await step('rebuilding the search index from the notes', () => timeRebuild(database.db), NOTES * 3);
		const searched = await timeSearch(database);
		const triggers = await priceTriggers(backend, database);
		return { backend, load: { seconds: load.seconds, rate: NOTES / load.seconds }, rebuild, triggers, ...searched };
	} catch (e) {
		await database.close().catch(() => undefined);
		throw e;
	}
}

/**
 * The queries timed cold with every match counted (the baseline: no kept counts), then the common words' counts kept
 * (timed), then the queries timed cold again (the figures), then with the result cache armed.
 */
async function timeSearch(database: Database): Promise<Pick<Figures, 'size' | 'timings' | 'warm' | 'counted' | 'common'>> {
	await database.db.execute(sql`truncate note_search_word, note_search_word_count`);
	const counted = await step(
		`baseline: timing ${CASES.length} queries, ${ROUNDS} rounds, every match counted`,
		() => timeQueries(database.db),
		CASES.length * ROUNDS * 200
	);
	const from = performance.now();
	const words = await step(
		'keeping the counts of the common words',
		() =>
			keepCommonWords(database.db, {
				progress: (done, of) => done % 250 === 0 && say(`  ${done.toLocaleString('en')} of ${of.toLocaleString('en')} words`)
			}),
		40_000
	);
	const seconds = (performance.now() - from) / 1000;
	const [size] = await queryRows<{ database: string; index: string; common: string }>(
		database.db,
		sql`select pg_size_pretty(pg_database_size(current_database())) as database,
			pg_size_pretty(pg_total_relation_size('note_search')) as index,
			pg_size_pretty(pg_total_relation_size('note_search_word_count')) as common`
	);
	const timings = await step(
		`timing ${CASES.length} queries, ${ROUNDS} rounds`,
		() => timeQueries(database.db),
		CASES.length * ROUNDS * 200
	);
	const stopCache = await watchSearchCache(database);
	const warm = await step('the same with the result cache', () => timeQueries(database.db), CASES.length * ROUNDS * 20);
	await stopCache();
	return { size, timings, warm, counted, common: { words, seconds, size: size.common } };
}

/** Closes the corpus's database, then prices the triggers with its common words (none when TRIGGER_NOTES is 0). */
async function priceTriggers(backend: Backend, database: Database): Promise<Figures['triggers']> {
	const words = await queryRows<{ config: string; word: string }>(database.db, sql`select config, word from note_search_word`);
	await database.close();
	if (!TRIGGER_NOTES) return { with: NaN, without: NaN };
	return step(
		`pricing the triggers: importing ${TRIGGER_NOTES} notes with and without them`,
		() => timeTriggers(backend, words),
		TRIGGER_NOTES * 20
	);
}

/** A kept corpus: the queries are timed and the triggers priced (its load and rebuild figures are those of the run that wrote it). */
async function timeKept(backend: Backend, database: Database): Promise<Figures> {
	say(`reusing the kept corpus of ${NOTES.toLocaleString('en')} notes: its writing is not timed again`);
	await step('vacuum and analyze', () => settle(database), 30_000);
	const searched = await timeSearch(database);
	const triggers = await priceTriggers(backend, database);
	return { backend, load: { seconds: NaN, rate: NaN }, rebuild: { rows: NaN, indexes: NaN }, triggers, ...searched };
}

function report(all: Figures[]): string {
	const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);
	const lines: string[] = [
		`Search over ${NOTES.toLocaleString('en')} notes, ${ROUNDS} timed runs of each query (cold: no result cache).`,
		''
	];
	for (const f of all) {
		const target = TARGETS[f.backend];
		const rows = f.timings.map((t, i) => [
			t.c.class,
			t.c.name,
			t.total,
			ms(percentile(t.times, 50)),
			ms(percentile(t.times, 95)),
			ms(t.times.at(-1)!),
			`${ms(percentile(f.counted[i].times, 50))} / ${ms(percentile(f.counted[i].times, 95))}`
		]);
		const classes = [...new Set(f.timings.map((t) => t.c.class))].map((name) => {
			const of = (list: Timing[]) =>
				list
					.filter((t) => t.c.class === name)
					.flatMap((t) => t.times)
					.sort((a, b) => a - b);
			const cold = of(f.timings);
			const warm = of(f.warm);
			return [name, cold.length, ms(percentile(cold, 50)), ms(percentile(cold, 95)), ms(percentile(warm, 50)), ms(percentile(warm, 95))];
		});
		const every = f.timings.flatMap((t) => t.times).sort((a, b) => a - b);
		const everyCounted = f.counted.flatMap((t) => t.times).sort((a, b) => a - b);
		const mismatch = f.timings.filter((t, i) => t.total !== f.counted[i].total).map((t) => t.c.name);
		const everyWarm = f.warm.flatMap((t) => t.times).sort((a, b) => a - b);
		const p95 = percentile(every, 95);
		const perNote = (1 / f.triggers.with - 1 / f.triggers.without) * 1000;
		lines.push(
			`### ${f.backend}`,
			'',
			table(['class', 'query', 'results', 'p50 ms', 'p95 ms', 'max ms', 'baseline p50 / p95 ms'], rows),
			'',
			table(['class', 'runs', 'p50 ms', 'p95 ms', 'cached p50 ms', 'cached p95 ms'], classes),
			'',
			`All queries, cold: p50 ${ms(percentile(every, 50))} ms, p95 ${ms(p95)} ms: ${p95 < target ? 'pass' : 'FAIL'} (p95 < ${target} ms).`,
			`Baseline, the same run before the common words' counts were kept (every match counted): p50 ${ms(percentile(everyCounted, 50))} ms, p95 ${ms(percentile(everyCounted, 95))} ms.`,
			mismatch.length ? `TOTALS DIFFER from the baseline's: ${mismatch.join(', ')}.` : 'Every total equals the baseline’s.',
			`Counts of ${f.common.words.toLocaleString('en')} common words kept (a word and configuration each) in ${f.common.seconds.toFixed(1)} s; they take ${f.common.size}.`,
			`With the result cache (a repeated query between two writes): p50 ${ms(percentile(everyWarm, 50))} ms, p95 ${ms(percentile(everyWarm, 95))} ms.`,
			Number.isNaN(f.load.seconds)
				? 'Corpus reused (BENCH_SEARCH_KEEP): its writing and rebuild times are those of the run that wrote it.'
				: `Corpus written in ${f.load.seconds.toFixed(0)} s (${Math.round(f.load.rate)} notes/s, index kept by the triggers). ` +
						`Index rebuilt from the notes in ${(f.rebuild.rows + f.rebuild.indexes).toFixed(0)} s (rows ${f.rebuild.rows.toFixed(0)} s, indexes ${f.rebuild.indexes.toFixed(0)} s).`,
			`Database ${f.size.database}, of which the search index (note_search, its TOAST and indexes) ${f.size.index}.`,
			Number.isNaN(f.triggers.with)
				? 'Trigger cost not measured (BENCH_SEARCH_TRIGGER_NOTES=0).'
				: `Import of ${TRIGGER_NOTES.toLocaleString('en')} notes: ${Math.round(f.triggers.with)} notes/s with the search triggers, ` +
						`${Math.round(f.triggers.without)} without: ${perNote.toFixed(1)} ms of triggers per note.`,
			''
		);
	}
	return lines.join('\n');
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const only = process.env.BENCH_SEARCH_ONLY;
const backends = (['pglite', 'postgres'] as const).filter((b) => (b === 'pglite' || serverUrl) && (!only || only === b));
try {
	say(`Machine: ${machine()}`);
	await step('reading the manual pages (extracted once into .cache/)', () => manCorpus(), 300_000);
	const all: Figures[] = [];
	for (const backend of backends) all.push(await measure(backend));
	say(`Machine at the end: ${machine()}`);
	console.log(`\n${report(all)}`);
} finally {
	await cleanup();
}
