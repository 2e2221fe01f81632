// The front over real HTTP on loopback, with a stand-in for SvelteKit's handler that answers the way
// @sveltejs/kit/node's setResponse does (setHeader, writeHead, write in chunks, end).
import { createServer, request, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { pageCacheFront } from './front.ts';
import { PageCache } from './page-cache.ts';

type Reply = { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number };

const PUBLIC = { 'content-type': 'text/html', 'cache-control': 'public, max-age=0, must-revalidate', vary: 'Cookie' };

/** A handler that counts its renders and answers `reply(n)` for the n-th one. */
function fakeKit(reply: (n: number, url: string) => Reply) {
	const kit = { renders: 0, handler: undefined as unknown as RequestListener };
	kit.handler = (req, res) => {
		const n = ++kit.renders;
		const r = reply(n, req.url!);
		setTimeout(() => {
			for (const [name, value] of Object.entries(r.headers ?? PUBLIC)) res.setHeader(name, value);
			res.writeHead(r.status ?? 200);
			const body = Buffer.from(r.body ?? `<p>render ${n}</p>`);
			// In two chunks, as a streamed body would come.
			res.write(body.subarray(0, 3));
			res.end(body.subarray(3));
		}, r.delayMs ?? 0);
	};
	return kit;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function start(cache: PageCache, kit: { handler: RequestListener }) {
	server = createServer(pageCacheFront({ cache, handler: kit.handler, keyOf: (t) => (t.startsWith('/p/') ? t : null) }));
	await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return (path: string, headers: Record<string, string> = {}, method = 'GET') =>
		new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((ok, fail) => {
			const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
			});
			req.on('error', fail);
			req.end();
		});
}

describe('pageCacheFront', () => {
	it('renders once, then answers from the cache with the same bytes and validators', async () => {
		const kit = fakeKit(() => ({}));
		const get = await start(new PageCache({ maxBytes: 100_000 }), kit);
		const first = await get('/p/a');
		const second = await get('/p/a');
		expect([first.headers['x-commonplace-cache'], second.headers['x-commonplace-cache']]).toEqual(['miss', 'hit']);
		expect(second.body.toString()).toBe('<p>render 1</p>');
		expect(second.headers.etag).toBe(first.headers.etag);
		expect(second.headers['last-modified']).toBe(first.headers['last-modified']);
		expect(second.headers.vary).toBe('Cookie, Accept-Encoding');
		expect(second.headers['cache-control']).toBe(PUBLIC['cache-control']);
		expect(kit.renders).toBe(1);
		const head = await get('/p/a', {}, 'HEAD');
		expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, String(second.body.length)]);
	});

	it('answers 304 to a matching If-None-Match or a current If-Modified-Since, and 200 otherwise', async () => {
		const cache = new PageCache({ maxBytes: 100_000 });
		const get = await start(
			cache,
			fakeKit(() => ({}))
		);
		const first = await get('/p/a');
		const notModified = await get('/p/a', { 'if-none-match': first.headers.etag! });
		expect(notModified.status).toBe(304);
		expect(notModified.body.length).toBe(0);
		expect(notModified.headers.etag).toBe(first.headers.etag);
		expect((await get('/p/a', { 'if-none-match': '"other"' })).status).toBe(200);
		// A date answers 304 only once the page is from a later second than the last change (see unchangedSince).
		const since = new Date(Date.now() + 60_000).toUTCString();
		const expected = cache.unchangedSince(cache.get('/p/a')!, Date.parse(since)) ? 304 : 200;
		expect((await get('/p/a', { 'if-modified-since': since })).status).toBe(expected);
	});

	it('serves gzip to a client that asks, with its own ETag', async () => {
		const get = await start(
			new PageCache({ maxBytes: 100_000 }),
			fakeKit(() => ({ body: '<p>' + 'x'.repeat(5000) + '</p>' }))
		);
		const plain = await get('/p/a');
		const zipped = await get('/p/a', { 'accept-encoding': 'gzip' });
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(zipped.body).toString()).toBe(plain.body.toString());
		expect(zipped.headers.etag).not.toBe(plain.headers.etag);
	});

	it('lets concurrent misses wait for one render', async () => {
		const kit = fakeKit(() => ({ delayMs: 50 }));
		const get = await start(new PageCache({ maxBytes: 100_000 }), kit);
		const answers = await Promise.all(Array.from({ length: 20 }, () => get('/p/a')));
		expect(kit.renders).toBe(1);
		expect(new Set(answers.map((a) => a.body.toString()))).toEqual(new Set(['<p>render 1</p>']));
		expect(answers.filter((a) => a.headers['x-commonplace-cache'] === 'coalesced')).toHaveLength(19);
	});

	it('never stores a render that overlapped a change, nor shares it with requests made after the change', async () => {
		const cache = new PageCache({ maxBytes: 100_000 });
		const kit = fakeKit((n) => ({ delayMs: n === 1 ? 100 : 0 }));
		const get = await start(cache, kit);
		const slow = get('/p/a');
		await new Promise((r) => setTimeout(r, 30));
		cache.clear(); // a write committed while render 1 was reading
		const after = await get('/p/a');
		expect(after.body.toString()).toBe('<p>render 2</p>');
		expect((await slow).body.toString()).toBe('<p>render 1</p>');
		expect((await get('/p/a')).body.toString()).toBe('<p>render 2</p>');
		expect(kit.renders).toBe(2);
	});

	it.each([
		['a session cookie', { cookie: 'theme=dark; better-auth.session_token=abc.def' }],
		['a secure session cookie', { cookie: '__Secure-better-auth.session_token=abc' }],
		['an Authorization header', { authorization: 'Bearer cp_x' }]
	])('passes a request with %s to SvelteKit every time', async (_, headers) => {
		const kit = fakeKit(() => ({}));
		const get = await start(new PageCache({ maxBytes: 100_000 }), kit);
		await get('/p/a');
		const signedIn = await get('/p/a', headers);
		expect(signedIn.headers['x-commonplace-cache']).toBe('bypass');
		expect(signedIn.body.toString()).toBe('<p>render 2</p>');
		// Other cookies do not change the page.
		expect((await get('/p/a', { cookie: 'PARAGLIDE_LOCALE=fr' })).headers['x-commonplace-cache']).toBe('hit');
	});

	it.each([
		['an error page', { status: 404 }],
		['a private page', { headers: { 'content-type': 'text/html', 'cache-control': 'private, no-cache' } }],
		['a page with no cache-control', { headers: { 'content-type': 'text/html' } }],
		['a page that sets a cookie', { headers: { ...PUBLIC, 'set-cookie': 'a=b' } }],
		['a page that varies on Accept-Language', { headers: { ...PUBLIC, vary: 'Accept-Language' } }],
		['JSON', { headers: { ...PUBLIC, 'content-type': 'application/json' } }]
	] as [string, Reply][])('never stores %s, and passes it through intact', async (_, reply) => {
		const kit = fakeKit(() => reply);
		const get = await start(new PageCache({ maxBytes: 100_000 }), kit);
		const first = await get('/p/a');
		expect(first.status).toBe(reply.status ?? 200);
		expect(first.body.toString()).toBe('<p>render 1</p>');
		await get('/p/a');
		expect(kit.renders).toBe(2);
	});

	it('passes a page larger than maxPageBytes through whole, unbuffered, and does not keep it', async () => {
		const big = 'y'.repeat(50_000);
		const kit = fakeKit(() => ({ body: big }));
		const get = await start(new PageCache({ maxBytes: 100_000, maxPageBytes: 10_000 }), kit);
		expect((await get('/p/a')).body.toString()).toBe(big);
		expect((await get('/p/a')).body.toString()).toBe(big);
		expect(kit.renders).toBe(2);
	});

	it('keeps within its byte budget across many pages', async () => {
		const cache = new PageCache({ maxBytes: 5_000 });
		const get = await start(
			cache,
			fakeKit((n) => ({ body: `<p>${n}</p>`.padEnd(1_000) }))
		);
		for (let i = 0; i < 20; i++) await get(`/p/${i}`);
		expect(cache.bytes).toBeLessThanOrEqual(5_000);
		expect(cache.size).toBe(5);
		expect((await get('/p/19')).headers['x-commonplace-cache']).toBe('hit');
		expect((await get('/p/0')).headers['x-commonplace-cache']).toBe('miss');
	});

	it('leaves other paths and methods to SvelteKit', async () => {
		const kit = fakeKit(() => ({}));
		const get = await start(new PageCache({ maxBytes: 100_000 }), kit);
		await get('/other');
		await get('/other');
		await get('/p/a', {}, 'POST');
		await get('/p/a', {}, 'POST');
		expect(kit.renders).toBe(4);
	});

	it('answers those waiting when the reader of the first render leaves early', async () => {
		const kit = fakeKit((n) => ({ delayMs: n === 1 ? 100 : 0 }));
		const get = await start(new PageCache({ maxBytes: 100_000 }), kit);
		const { port } = server!.address() as AddressInfo;
		const leaving = request({ host: '127.0.0.1', port, path: '/p/a', agent: false });
		leaving.on('error', () => {});
		leaving.end();
		await new Promise((r) => setTimeout(r, 20));
		const waiting = get('/p/a');
		leaving.destroy();
		expect((await waiting).status).toBe(200);
	});
});
