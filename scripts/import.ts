// `npm run import -- PATH [--notebook TITLE] [--as HANDLE] [--token TOKEN]` imports a folder (recursively) or a zip of
// Markdown files as notes (ADR 7). It opens the database like the server does. PGlite lets one process open a data
// dir: when the server holds it, the command never opens it too, and sends the files to the server's
// POST /api/v1/import with an API token instead, or explains how to get one.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { m } from '../src/lib/paraglide/messages.js';
import { ValidationError } from '../src/lib/domain/errors.ts';
import { config } from '../src/lib/server/config.ts';
import { getCtx } from '../src/lib/server/app.ts';
import { closeAppDatabase, DataDirBusyError } from '../src/lib/server/db/index.ts';
import { viewerOf } from '../src/lib/server/accounts/index.ts';
import { findProfileByHandle } from '../src/lib/server/profiles/index.ts';
import { importMarkdown, readSource, type ImportReport, type SourceFile } from '../src/lib/server/exchange/index.ts';

type Lang = 'fr' | 'en';
const REASONS = [
	'not_utf8',
	'too_large',
	'yaml',
	'front_matter',
	'empty',
	'duplicate_id',
	'id_taken',
	'community_unknown',
	'not_allowed',
	'invalid'
];

function reason(code: string, lang: Lang): string {
	const key = `exchange_reason_${REASONS.includes(code) ? code : 'invalid'}` as 'exchange_reason_invalid';
	return m[key]({}, { locale: lang });
}

function printReport(report: ImportReport, lang: Lang, publicUrl: string) {
	const o = { locale: lang };
	console.log(
		m.exchange_cli_done(
			{ created: String(report.created.length), updated: String(report.updated.length), skipped: String(report.skipped.length) },
			o
		)
	);
	for (const nb of report.notebooks) console.log(m.exchange_cli_notebook({ title: nb.title, url: `${publicUrl}/${lang}/c/${nb.id}` }, o));
	for (const w of report.warnings) console.log(`  ${w.file}: ${w.detail}`);
	for (const s of report.skipped)
		console.error(m.exchange_cli_skipped({ file: s.file, reason: reason(s.code, lang), detail: s.detail }, o));
	if (report.skipped.length) console.error(m.exchange_cli_fix_and_retry({}, o));
}

/** A progress line with an estimate of the time left, at most once a second (and at the end). */
function progress(lang: Lang) {
	const started = Date.now();
	let last = 0;
	return (done: number, total: number) => {
		const now = Date.now();
		if (done < total && now - last < 1000) return;
		last = now;
		const seconds = String(Math.ceil((((now - started) / done) * (total - done)) / 1000));
		const line = m.exchange_cli_progress({ done: String(done), total: String(total), seconds }, { locale: lang });
		if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
		else console.error(line);
	};
}

/** The server holds the embedded database: send it the files as a zip, with the person's token. */
async function viaServer(files: SourceFile[], token: string | undefined, notebook: string | undefined, busy: DataDirBusyError, lang: Lang) {
	const o = { locale: lang };
	if (!token) {
		console.error(m.exchange_cli_busy_no_token({ dir: busy.dir, pid: String(busy.pid) }, o));
		return 1;
	}
	const { publicUrl } = config();
	const url = new URL('/api/v1/import', publicUrl);
	if (notebook) url.searchParams.set('notebook', notebook);
	console.log(m.exchange_cli_via_server({ url: url.origin }, o));
	const zip = zipSync(Object.fromEntries(files.map((f) => [f.path, f.bytes])), { level: 6 });
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip', 'accept-language': lang },
			body: zip as Uint8Array<ArrayBuffer>
		});
	} catch (e) {
		console.error(m.exchange_cli_server_unreachable({ url: url.origin, detail: (e as Error).message }, o));
		return 1;
	}
	const body = (await response.json().catch(() => ({}))) as ImportReport & { detail?: string; title?: string };
	if (!response.ok) {
		console.error(m.exchange_cli_server_error({ status: String(response.status), detail: body.detail ?? body.title ?? '' }, o));
		return 1;
	}
	printReport(body, lang, publicUrl);
	return body.skipped.length ? 3 : 0;
}

async function run(path: string, values: { notebook?: string; as?: string; token?: string }, lang: Lang): Promise<number> {
	const o = { locale: lang };
	let files: SourceFile[];
	let cfg: ReturnType<typeof config>;
	try {
		cfg = config();
	} catch (e) {
		// An invalid environment says which variables are at fault.
		console.error((e as Error).message);
		return 1;
	}
	try {
		files = await readSource(path);
	} catch (e) {
		if (e instanceof ValidationError) console.error(m.exchange_cli_too_large({ detail: e.message }, o));
		else console.error(m.exchange_cli_unreadable({ path, detail: (e as Error).message }, o));
		return 1;
	}
	console.log(m.exchange_cli_read({ count: String(files.length), path }, o));
	const token = values.token ?? process.env.COMMONPLACE_TOKEN;
	const where = cfg.databaseUrl ? `PostgreSQL, ${new URL(cfg.databaseUrl).host}` : `PGlite, ${join(cfg.dataDir, 'db')}`;
	console.log(m.exchange_cli_opening({ where }, o));
	try {
		const ctx = await getCtx();
		if (!values.as) {
			console.error(m.exchange_cli_missing_as({}, o));
			return 2;
		}
		const profile = await findProfileByHandle(ctx.db, values.as.replace(/^@/, ''));
		if (!profile) {
			console.error(m.exchange_cli_unknown_handle({ handle: values.as }, o));
			return 1;
		}
		const viewer = await viewerOf(ctx.db, profile.accountId);
		const report = await importMarkdown(ctx.db, viewer, files, { notebookTitle: values.notebook, onProgress: progress(lang) });
		printReport(report, lang, cfg.publicUrl);
		return report.skipped.length ? 3 : 0;
	} catch (e) {
		if (e instanceof DataDirBusyError) return viaServer(files, token, values.notebook, e, lang);
		throw e;
	} finally {
		await closeAppDatabase();
	}
}

async function main(argv: string[]): Promise<number> {
	const envLang: Lang = /^fr/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'fr' : 'en';
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				notebook: { type: 'string' },
				as: { type: 'string' },
				token: { type: 'string' },
				lang: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (e) {
		console.error(
			`${m.exchange_cli_bad_option({ detail: (e as Error).message }, { locale: envLang })}\n\n${m.exchange_cli_usage({}, { locale: envLang })}`
		);
		return 2;
	}
	const { values, positionals } = parsed;
	const lang: Lang = values.lang === 'fr' || values.lang === 'en' ? values.lang : envLang;
	if (values.help) {
		console.log(m.exchange_cli_usage({}, { locale: lang }));
		return 0;
	}
	if (positionals.length !== 1) {
		console.error(`${m.exchange_cli_missing_path({}, { locale: lang })}\n\n${m.exchange_cli_usage({}, { locale: lang })}`);
		return 2;
	}
	return run(positionals[0], values, lang);
}

process.exitCode = await main(process.argv.slice(2));
