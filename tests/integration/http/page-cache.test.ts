// The anonymous page cache of server.ts over real HTTP: hits, validators, who bypasses it, and that every change a
// page shows reaches the next anonymous reader at once (DESIGN §3a). On PostgreSQL also across app instances and
// from a plain SQL client (another process, the import CLI).
import { request } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { apiCall, client, HOST_EMAIL, signedIn, tokenOf, type Client } from './client.ts';

const SEED = 'hyFh4E8AibDawZdxZGtAojyBHBY';
const PAGE = `/en/n/${SEED}`;
const postgres = process.env.TEST_DB_KIND === 'postgres';

let app: RunningApp;
let host: Client;
let token: string;

beforeAll(async () => {
	app = await startApp();
	host = await signedIn(app.url, HOST_EMAIL);
	token = await tokenOf(host);
});
afterAll(() => app?.stop());

/** An anonymous reader with no cookies, like a crawler or a first visit. */
const read = async (path = PAGE, headers: Record<string, string> = {}, base = app.url) => {
	const res = await fetch(new URL(path, base), { headers, redirect: 'manual' });
	return { status: res.status, headers: res.headers, cache: res.headers.get('x-commonplace-cache'), html: await res.text() };
};

/** Reads until the page is cached, so that the next assertion is about an entry, not a render. */
const warm = async (path = PAGE, base = app.url) => {
	await read(path, {}, base);
	const again = await read(path, {}, base);
	expect(again.cache, `${path} is cached`).toBe('hit');
	return again;
};

const seedNote = async () => (await apiCall(app.url, `/api/v1/notes/${SEED}`, { token })).body;
const editSeed = async (fields: Record<string, unknown>) => {
	const res = await apiCall(app.url, `/api/v1/notes/${SEED}`, {
		token,
		method: 'PATCH',
		body: { baseRevisionId: (await seedNote()).revisionId, ...fields }
	});
	expect(res.status, JSON.stringify(res.body)).toBe(200);
};

describe('the anonymous note page', () => {
	it('is rendered once, then answered from the cache with the same HTML', async () => {
		const first = await read(`${PAGE}?cite=mla`);
		expect(first.status).toBe(200);
		expect(first.cache).toBe('miss');
		const second = await read(`${PAGE}?cite=mla`);
		expect(second.cache).toBe('hit');
		expect(second.html).toBe(first.html);
		expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
		expect(second.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
	});

	it('answers 304 to a reader whose copy is current', async () => {
		const page = await warm();
		const etag = page.headers.get('etag')!;
		expect(etag).toMatch(/^"[\w-]+"$/);
		const revalidated = await read(PAGE, { 'if-none-match': etag });
		expect(revalidated.status).toBe(304);
		expect(revalidated.html).toBe('');
		expect(revalidated.headers.get('etag')).toBe(etag);
		expect(page.headers.get('last-modified')).toBeTruthy();
	});

	it('does not depend on the Host header, which the cache key leaves out', async () => {
		// A request for a URL nobody has asked for yet is a render, made here for a forged host.
		const target = new URL(`${PAGE}?cite=chicago`, app.url);
		const forged = await new Promise<{ cache: string; html: string }>((ok, fail) => {
			const req = request(
				{ host: target.hostname, port: target.port, path: target.pathname + target.search, headers: { host: 'evil.example' } },
				(res) => {
					let html = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => (html += chunk));
					res.on('end', () => ok({ cache: String(res.headers['x-commonplace-cache']), html }));
				}
			);
			req.on('error', fail);
			req.end();
		});
		expect(forged.cache).toBe('miss');
		expect(forged.html).toContain('Atelier 4');
		expect(forged.html).not.toContain('evil.example');
	});

	it('is compressed for readers that accept it', async () => {
		const res = await fetch(new URL(PAGE, app.url), { headers: { 'accept-encoding': 'br' } });
		expect(res.headers.get('content-encoding')).toBe('br');
		expect(await res.text()).toContain('Atelier 4');
	});

	it('is never served from the cache to a signed-in reader, and signing in changes no cached page', async () => {
		await warm();
		const own = await host.get(PAGE);
		expect(own.headers.get('x-commonplace-cache')).toBe('bypass');
		expect(own.headers.get('cache-control')).toBe('private, no-cache');
		expect(await own.text()).toContain('href="/en/settings/profile"');
		// A sign-in writes sessions and rate limits, which no page shows: the cache keeps its pages.
		await signedIn(app.url, 'alex@commonplace.localhost');
		expect((await read()).cache).toBe('hit');
		const withToken = await read(PAGE, { authorization: `Bearer ${token}` });
		expect(withToken.cache).toBe('bypass');
	});

	it('shows an edit at once', async () => {
		await warm();
		await editSeed({ title: 'Atelier 4, revu' });
		const after = await read();
		expect(after.cache).toBe('miss');
		expect(after.html).toContain('Atelier 4, revu');
	});

	it('shows its author’s new name at once', async () => {
		await warm();
		const form = { handle: 'marie-soleil', displayName: 'Marie-Soleil Renommée', pronouns: '', organisation: '', bio: '', locale: 'fr' };
		expect((await host.postForm('/en/settings/profile?/save', form)).status).toBe(303);
		expect((await read()).html).toContain('Marie-Soleil Renommée');
	});

	it('shows a new backlink at once', async () => {
		await warm();
		const made = await apiCall(app.url, '/api/v1/notes', {
			token,
			method: 'POST',
			body: { title: 'Une note qui cite', body: `Voir [[${(await seedNote()).title}]].`, status: 'published', visibility: 'public' }
		});
		expect(made.status, JSON.stringify(made.body)).toBe(201);
		const page = await read();
		expect(page.html).toContain(`href="/en/n/${made.body.id}"`);
	});

	it('disappears at once when its note is unpublished, and comes back when published again', async () => {
		await warm();
		await editSeed({ status: 'draft' });
		expect((await read()).status).toBe(404);
		// The signed-in author still sees the draft, and that does not put it in the cache.
		expect((await host.get(PAGE)).status).toBe(200);
		expect((await read()).status).toBe(404);
		await editSeed({ status: 'published' });
		expect((await read()).status).toBe(200);
	});
});

describe.runIf(postgres)('several processes on one PostgreSQL database', () => {
	let second: RunningApp;
	beforeAll(async () => {
		second = await startApp({ databaseUrl: app.databaseUrl });
	});
	// Before the first app, whose stop() drops the database.
	afterAll(() => second?.stop());

	/** Another process hears of a change a moment after its commit (LISTEN/NOTIFY): poll for up to 5 s. */
	const eventually = async (check: () => Promise<boolean>) => {
		const deadline = Date.now() + 5_000;
		while (!(await check())) {
			if (Date.now() > deadline) throw new Error('The other process still shows the old page after 5 s');
			await new Promise((r) => setTimeout(r, 20));
		}
	};

	it('a write through one app reaches the other app’s cached page', async () => {
		await warm(PAGE, second.url);
		await editSeed({ title: 'Atelier 4, vu d’ailleurs' });
		await eventually(async () => (await read(PAGE, {}, second.url)).html.includes('Atelier 4, vu d’ailleurs'));
	});

	it('a write from a plain SQL client (the import CLI, psql) reaches both apps', async () => {
		await warm(PAGE, app.url);
		await warm(PAGE, second.url);
		const sql = new pg.Client({ connectionString: app.databaseUrl });
		await sql.connect();
		try {
			await sql.query('UPDATE note SET title = $1 WHERE id = $2', ['Atelier 4, importé', SEED]);
		} finally {
			await sql.end();
		}
		for (const base of [app.url, second.url])
			await eventually(async () => (await read(PAGE, {}, base)).html.includes('Atelier 4, importé'));
	});
});

describe('a request that must not be cached', () => {
	it('passes through: other query strings, and pages that do not opt in', async () => {
		expect((await read(`${PAGE}?utm_source=x`)).cache).toBeNull();
		expect((await read(`${PAGE}?utm_source=x`)).status).toBe(200);
		expect((await read(`/en/n/${SEED}/history`)).cache).toBeNull();
		expect((await client(app.url).get('/en')).headers.get('x-commonplace-cache')).toBeNull();
	});
});
