// The daily digest end to end, over a real SMTP server process: threads are started over HTTP, the app is stopped,
// its daily run is made overdue in the database (as if 07:00 passed while it was down), and the restarted app makes
// up the run at start-up. The digest names the right threads (and none of a closed community the reader left), and
// its unsubscribe link works without signing in: one-click POST (RFC 8058) and GET then confirm.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPglite } from '../../../src/lib/server/db/client.ts';
import { withDatabase } from '../../support/pg-url.ts';
import { PGLITE_TEMPLATE_ENV, startApp, type RunningApp, type StartOptions } from '../../support/server.ts';
import { startSmtpServer, type ReceivedMail, type SmtpProcess } from '../../support/smtp-server.ts';
import { ALEX_EMAIL, apiCall, client, HOST_EMAIL, signedIn, tag, tokenOf } from './client.ts';

const postgres = process.env.TEST_DB_KIND === 'postgres';
let smtp: SmtpProcess;
let app: RunningApp | undefined;
let dataDir: string;
let databaseUrl: string | undefined;

async function admin(sql: string) {
	const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await c.connect();
	try {
		await c.query(sql);
	} finally {
		await c.end();
	}
}

// The same data across restarts: a data dir of our own on PGlite, a database of our own on PostgreSQL.
const start = () => {
	const options: StartOptions = { smtpUrl: smtp.url, env: { DATA_DIR: dataDir } };
	return startApp(postgres ? { ...options, databaseUrl } : options);
};

/** Runs SQL on the app's database while the app is stopped (PGlite allows a single process). */
async function withDatabaseStopped(sql: string) {
	if (postgres) {
		const c = new pg.Client({ connectionString: databaseUrl });
		await c.connect();
		await c.query(sql).finally(() => c.end());
		return;
	}
	const database = await openPglite({ dataDir: join(dataDir, 'db') });
	await database.db.execute(sql);
	await database.close();
}

beforeAll(async () => {
	smtp = await startSmtpServer();
	dataDir = mkdtempSync(join(tmpdir(), 'cp-digest-'));
	const template = process.env[PGLITE_TEMPLATE_ENV];
	if (!postgres && template && existsSync(template)) {
		cpSync(template, dataDir, { recursive: true });
		rmSync(join(dataDir, 'commonplace.lock'), { force: true });
	}
	if (postgres) {
		const name = `cp_digest_${process.pid}_${tag()}`;
		await admin(`CREATE DATABASE "${name}"`);
		databaseUrl = withDatabase(process.env.TEST_DATABASE_URL!, name);
	}
});

afterAll(async () => {
	await app?.stop();
	await smtp?.stop();
	if (databaseUrl) await admin(`DROP DATABASE IF EXISTS "${databaseUrl.split('/').pop()}" WITH (FORCE)`);
	rmSync(dataDir, { recursive: true, force: true });
});

it('sends a daily digest with the right threads, made up at start-up, with a working one-click unsubscribe', async () => {
	app = await start();
	const call = (path: string, token: string, method = 'GET', body?: unknown) =>
		apiCall(app!.url, path, { token, method, body: body ?? (method === 'GET' ? undefined : {}) });
	const host = await signedIn(app.url, HOST_EMAIL);
	const hostToken = await tokenOf(host);
	const alexToken = await tokenOf(await signedIn(app.url, ALEX_EMAIL));
	const alexId = (await call('/api/v1/me', alexToken)).body.id as string;

	async function circle(name: string) {
		const slug = `digest-${tag()}`;
		expect((await call('/api/v1/communities', hostToken, 'POST', { slug, name, visibility: 'closed' })).status).toBe(201);
		expect((await call(`/api/v1/communities/${slug}/membership`, alexToken, 'POST')).status).toBe(200);
		expect((await host.postForm(`/en/g/${slug}?/decide`, { accountId: alexId, decision: 'approve' })).status).toBe(200);
		return slug;
	}
	const thread = async (slug: string, title: string) =>
		expect((await call(`/api/v1/communities/${slug}/threads`, hostToken, 'POST', { title, body: `À propos de ${title}.` })).status).toBe(
			201
		);

	const circleName = `Cercle du digest ${tag()}`;
	const slug = await circle(circleName);
	const t1 = `Jardins partagés ${tag()}`;
	const t2 = `Assemblée de quartier ${tag()}`;
	await thread(slug, t1);
	await thread(slug, t2);
	// A closed community Alex leaves after a thread was started there: the digest must not name it.
	const leftSlug = await circle(`Cercle quitté ${tag()}`);
	const secret = `Fil confidentiel ${tag()}`;
	await thread(leftSlug, secret);
	expect((await call(`/api/v1/communities/${leftSlug}/membership`, alexToken, 'DELETE')).status).toBe(204);
	await app.stop();
	app = undefined;

	// Down over 07:00: the daily run is overdue.
	await withDatabaseStopped(`update job_schedule set next_run_at = now() - interval '1 hour' where name = 'digest-daily'`);
	app = await start();
	const isDigest = (m: ReceivedMail) => m.to.includes(ALEX_EMAIL) && !!m.headers?.['list-unsubscribe'] && m.text.includes(t1);
	const mail = await smtp.waitForMail(isDigest, 30_000);
	expect(mail.text).toContain(t2);
	expect(mail.text).toContain(circleName);
	expect(mail.text).not.toContain(secret);
	expect(mail.html ?? '').not.toContain(secret);
	expect(mail.text).toContain(`${app.url}/`);
	expect(mail.headers?.['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
	const unsubscribeUrl = mail.headers!['list-unsubscribe'].match(/^<([^>]+)>$/)?.[1];
	expect(unsubscribeUrl).toMatch(new RegExp(`^${app.url}/(fr|en)/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
	expect(mail.text).toContain(unsubscribeUrl);

	// GET shows a confirmation, without signing in, and changes nothing.
	const page = await client(app.url).get(unsubscribeUrl!);
	expect(page.status).toBe(200);
	expect(await page.text()).toMatch(/<form method="post"/);
	const forged = await client(app.url).get(unsubscribeUrl!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
	expect(forged.status).toBe(404);

	// One click, the way a mail provider does it: a POST from its servers, no cookie, no Origin.
	const oneClick = await fetch(unsubscribeUrl!, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: 'List-Unsubscribe=One-Click',
		redirect: 'manual'
	});
	expect(oneClick.status).toBe(200);
	const alex = await signedIn(app.url, ALEX_EMAIL);
	const settings = await (await alex.get('/en/settings/notifications')).text();
	const fieldset = settings.split(`<legend>${circleName}</legend>`)[1]?.split('</fieldset>')[0] ?? '';
	expect(fieldset).toMatch(/value="off" checked/);

	// The confirmation page's own form does the same (same origin, a person's click).
	const confirmed = await client(app.url).postForm(new URL(unsubscribeUrl!).pathname, {});
	expect(confirmed.status).toBe(200);
	expect(await confirmed.text()).toMatch(/no longer receive|ne recevrez plus/);

	// Sent once: a restart with the run not due sends no second digest with these threads.
	await app.stop();
	app = await start();
	await new Promise((r) => setTimeout(r, 1500));
	expect(smtp.messages().filter(isDigest)).toHaveLength(1);
}, 300_000);
