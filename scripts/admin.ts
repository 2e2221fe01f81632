// `npm run admin -- create EMAIL …` makes the first admin of a new instance; `promote EMAIL` upgrades an account.
// It opens the database like the server does (same DATA_DIR / DATABASE_URL) and closes it so the process exits.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import * as messages from '../src/lib/paraglide/messages.js';
import { ConflictError, NotFoundError } from '../src/lib/domain/errors.ts';
import { config } from '../src/lib/server/config.ts';
import { getCtx } from '../src/lib/server/app.ts';
import { closeAppDatabase, DataDirBusyError } from '../src/lib/server/db/index.ts';
import { createAdmin, createAuth, CreateAdminInput, promoteAdmin } from '../src/lib/server/accounts/index.ts';

type Lang = 'fr' | 'en';
const { m } = messages;

const FIELD_NAMES: Record<string, string> = {
	email: 'EMAIL',
	password: '--password',
	handle: '--handle',
	displayName: '--name',
	locale: '--lang'
};

function reason(code: string, lang: Lang): string {
	const fn = (messages as unknown as Record<string, ((i: object, o: { locale: Lang }) => string) | undefined>)[`form_error_${code}`];
	return fn ? fn({}, { locale: lang }) : m.form_error_generic({}, { locale: lang });
}

/** The messages an operator needs for an expected failure; anything else is a bug and keeps its stack. */
function explain(e: unknown, lang: Lang, email: string, handle: string | undefined): string[] {
	if (e instanceof ZodError) {
		return e.issues.map((i) =>
			m.admin_cli_invalid({ field: FIELD_NAMES[String(i.path[0])] ?? String(i.path[0]), reason: reason(i.message, lang) }, { locale: lang })
		);
	}
	if (e instanceof ConflictError) {
		const lines: string[] = [];
		if (e.fields.email) lines.push(m.admin_cli_email_taken({ email }, { locale: lang }));
		if (e.fields.handle) lines.push(m.admin_cli_handle_taken({ handle: handle ?? '' }, { locale: lang }));
		return lines;
	}
	if (e instanceof NotFoundError) return [m.admin_cli_not_found({ email }, { locale: lang })];
	if (e instanceof DataDirBusyError) return [m.admin_cli_db_in_use({ dir: e.dir, pids: String(e.pid) }, { locale: lang })];
	throw e;
}

type Options = { password?: string; handle?: string; name?: string };

/** Parses the operator's input before anything opens the database: a fresh PGlite dir takes a while to create. */
function validate(command: 'create' | 'promote', rawEmail: string, options: Options, lang: Lang) {
	if (command === 'promote') return { email: CreateAdminInput.pick({ email: true }).parse({ email: rawEmail }).email };
	const input = CreateAdminInput.parse({
		email: rawEmail,
		password: options.password,
		handle: options.handle,
		displayName: options.name,
		locale: lang
	});
	return { email: input.email, input };
}

async function run(command: 'create' | 'promote', rawEmail: string, options: Options, lang: Lang): Promise<number> {
	let cfg: ReturnType<typeof config>;
	let valid: ReturnType<typeof validate>;
	try {
		cfg = config();
		valid = validate(command, rawEmail, options, lang);
	} catch (e) {
		// An invalid environment says which variables are at fault; invalid input gets one line per field.
		const lines = e instanceof ZodError ? explain(e, lang, rawEmail, options.handle) : [(e as Error).message];
		for (const line of lines) console.error(line);
		return 1;
	}
	const { email, input } = valid;
	const where = cfg.databaseUrl ? `PostgreSQL, ${new URL(cfg.databaseUrl).host}` : `PGlite, ${join(cfg.dataDir, 'db')}`;
	console.log(m.admin_cli_opening({ where }, { locale: lang }));
	try {
		const ctx = await getCtx();
		const signIn = `${cfg.publicUrl}/${lang}/sign-in`;
		if (input) {
			const made = await createAdmin(ctx, createAuth(ctx), input);
			console.log(m.admin_cli_created({ email: made.email, handle: made.handle }, { locale: lang }));
			if (made.generatedPassword) {
				console.log(`\n  ${m.admin_cli_password({ password: made.generatedPassword }, { locale: lang })}\n`);
				console.log(m.admin_cli_password_advice({ url: signIn }, { locale: lang }));
			} else console.log(m.admin_cli_sign_in({ url: signIn }, { locale: lang }));
		} else {
			const promoted = await promoteAdmin(ctx, email);
			console.log((promoted.wasAdmin ? m.admin_cli_already_admin : m.admin_cli_promoted)({ email }, { locale: lang }));
			if (!promoted.emailVerified) console.log(m.admin_cli_unverified({ url: `${cfg.publicUrl}/${lang}/verify-email` }, { locale: lang }));
		}
		return 0;
	} catch (e) {
		for (const line of explain(e, lang, email, input?.handle)) console.error(line);
		return 1;
	} finally {
		await closeAppDatabase();
	}
}

const parse = (args: string[]) =>
	parseArgs({
		args,
		allowPositionals: true,
		options: {
			password: { type: 'string' },
			handle: { type: 'string' },
			name: { type: 'string' },
			lang: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});

async function main(argv: string[]): Promise<number> {
	const envLang: Lang = /^fr/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'fr' : 'en';
	let parsed: ReturnType<typeof parse>;
	try {
		parsed = parse(argv);
	} catch (e) {
		console.error(
			m.admin_cli_bad_option({ detail: (e as Error).message }, { locale: envLang }) + `\n\n${m.admin_cli_usage({}, { locale: envLang })}`
		);
		return 2;
	}
	const { values, positionals } = parsed;
	// --lang sets both the new account's language and the language of these messages.
	const lang: Lang = values.lang === 'fr' || values.lang === 'en' ? values.lang : envLang;
	const [command, email, ...extra] = positionals;
	if (values.help || !command) {
		console.log(m.admin_cli_usage({}, { locale: lang }));
		return values.help ? 0 : 2;
	}
	if (command !== 'create' && command !== 'promote') {
		console.error(m.admin_cli_unknown_command({ command }, { locale: lang }) + `\n\n${m.admin_cli_usage({}, { locale: lang })}`);
		return 2;
	}
	if (!email || extra.length) {
		const problem = email
			? m.admin_cli_bad_option({ detail: extra.join(' ') }, { locale: lang })
			: m.admin_cli_missing_email({ command }, { locale: lang });
		console.error(`${problem}\n\n${m.admin_cli_usage({}, { locale: lang })}`);
		return 2;
	}
	if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') {
		console.error(m.admin_cli_invalid({ field: '--lang', reason: 'fr | en' }, { locale: lang }));
		return 2;
	}
	return run(command, email, { password: values.password, handle: values.handle, name: values.name }, lang);
}

process.exitCode = await main(process.argv.slice(2));
