import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, etagMatches, isNotModified } from './conditional.ts';
import { PageCache } from './page-cache.ts';
import { cacheKey } from './routes.ts';

const html = (text: string, size = 0) => ({ headers: { 'content-type': 'text/html' }, body: Buffer.from(text + ' '.repeat(size)) });

/** A clock the test moves by hand. */
function clock(start = new Date(2026, 10, 27, 12, 0, 0).getTime()) {
	const c = { t: start, now: () => c.t };
	return c;
}

describe('PageCache', () => {
	it('keeps a page and hands it back, counting hits and misses', () => {
		const cache = new PageCache({ maxBytes: 10_000 });
		expect(cache.get('/en/n/a')).toBeUndefined();
		const page = cache.store('/en/n/a', cache.begin(), html('<p>a</p>'));
		expect(cache.get('/en/n/a')).toBe(page);
		expect(cache.stats).toMatchObject({ hits: 1, misses: 1, stores: 1 });
		expect(cache.variant(page!, 'identity').headers).toMatchObject({ 'content-length': '8', etag: expect.stringMatching(/^"[\w-]{27}"$/) });
	});

	it('refuses a render that began before a clear: it may show data from before the change', () => {
		const cache = new PageCache({ maxBytes: 10_000 });
		const ticket = cache.begin();
		cache.clear();
		expect(cache.store('/en/n/a', ticket, html('stale'))).toBeUndefined();
		expect(cache.get('/en/n/a')).toBeUndefined();
		expect(cache.store('/en/n/a', cache.begin(), html('fresh'))).toBeDefined();
	});

	it('empties itself at local midnight, since the note page prints the date of the day', () => {
		const c = clock(new Date(2026, 10, 27, 23, 59, 59).getTime());
		const cache = new PageCache({ maxBytes: 10_000, now: c.now });
		cache.store('/en/n/a', cache.begin(), html('today'));
		const ticket = cache.begin();
		c.t += 2_000;
		expect(cache.get('/en/n/a')).toBeUndefined();
		// A render that straddled midnight is not kept either.
		expect(cache.store('/en/n/b', ticket, html('yesterday'))).toBeUndefined();
		expect(cache.store('/en/n/b', cache.begin(), html('today'))).toBeDefined();
	});

	it('stays within its byte budget, dropping the least recently used page first', () => {
		const cache = new PageCache({ maxBytes: 3_000 });
		for (const key of ['a', 'b', 'c']) cache.store(key, cache.begin(), html(key, 900));
		cache.get('a'); // now b is the oldest
		cache.store('d', cache.begin(), html('d', 900));
		expect(cache.bytes).toBeLessThanOrEqual(3_000);
		expect(cache.get('b')).toBeUndefined();
		for (const key of ['a', 'c', 'd']) expect(cache.get(key), key).toBeDefined();
		expect(cache.stats.evictions).toBe(1);
	});

	it('does not keep a page larger than maxPageBytes', () => {
		const cache = new PageCache({ maxBytes: 10_000, maxPageBytes: 1_000 });
		expect(cache.store('big', cache.begin(), html('x', 2_000))).toBeUndefined();
		expect(cache.bytes).toBe(0);
	});

	it('compresses once per encoding, counts the compressed bytes, and gives each encoding its own ETag', () => {
		const cache = new PageCache({ maxBytes: 100_000 });
		const text = '<p>' + 'commonplace '.repeat(500) + '</p>';
		const page = cache.store('k', cache.begin(), html(text))!;
		const identity = cache.variant(page, 'identity');
		const br = cache.variant(page, 'br');
		const gzip = cache.variant(page, 'gzip');
		expect(cache.variant(page, 'br')).toBe(br);
		expect(brotliDecompressSync(br.body).toString()).toBe(text);
		expect(gunzipSync(gzip.body).toString()).toBe(text);
		expect(new Set([identity.etag, br.etag, gzip.etag]).size).toBe(3);
		expect(br.headers['content-encoding']).toBe('br');
		expect(cache.bytes).toBe(identity.body.length + br.body.length + gzip.body.length);
	});

	it('lets concurrent misses share one render, and forgets it when the cache is cleared', async () => {
		const cache = new PageCache({ maxBytes: 10_000 });
		const { ticket, settle } = cache.lead('k');
		const waiting = cache.pending('k');
		expect(waiting).toBeDefined();
		const page = cache.store('k', ticket, html('shared'));
		settle(page);
		expect(await waiting).toBe(page);
		expect(cache.pending('k')).toBeUndefined();

		const second = cache.lead('k');
		cache.clear();
		// A render from before the change must not be shared with requests that arrive after it.
		expect(cache.pending('k')).toBeUndefined();
		second.settle(undefined);
	});

	it('answers If-Modified-Since only for pages rendered in a later second than the last clear', () => {
		const c = clock();
		const cache = new PageCache({ maxBytes: 10_000, now: c.now });
		c.t += 500;
		cache.clear();
		const sameSecond = cache.store('a', cache.begin(), html('a'))!;
		expect(cache.unchangedSince(sameSecond, Date.parse(sameSecond.lastModified))).toBe(false);
		c.t += 1_000;
		const later = cache.store('b', cache.begin(), html('b'))!;
		const since = Date.parse(later.lastModified);
		expect(cache.unchangedSince(later, since)).toBe(true);
		expect(cache.unchangedSince(later, since - 1_000)).toBe(false);
	});
});

describe('conditional requests and negotiation', () => {
	it.each([
		[undefined, 'identity'],
		['gzip, deflate, br', 'br'],
		['gzip', 'gzip'],
		['br;q=0, gzip;q=0.5', 'gzip'],
		['*', 'br'],
		['*;q=0, identity', 'identity'],
		['deflate', 'identity']
	] as const)('Accept-Encoding %s → %s', (header, expected) => {
		expect(chooseEncoding(header)).toBe(expected);
	});

	it('matches ETags weakly and lets If-None-Match decide over If-Modified-Since', () => {
		expect(etagMatches('W/"abc", "def"', '"abc"')).toBe(true);
		expect(etagMatches('"abd"', '"abc"')).toBe(false);
		expect(etagMatches('*', '"abc"')).toBe(true);
		const always = () => true;
		expect(isNotModified({ 'if-none-match': '"old"', 'if-modified-since': new Date().toUTCString() }, '"new"', always)).toBe(false);
		expect(isNotModified({ 'if-modified-since': 'not a date' }, '"x"', always)).toBe(false);
		expect(isNotModified({ 'if-modified-since': new Date().toUTCString() }, '"x"', always)).toBe(true);
		expect(isNotModified({}, '"x"', always)).toBe(false);
	});
});

describe('cacheKey', () => {
	it.each([
		['/en/n/hyFh4E8AibDawZdxZGtAojyBHBY', '/en/n/hyFh4E8AibDawZdxZGtAojyBHBY'],
		['/fr/n/abcdefgh12345678?cite=mla', '/fr/n/abcdefgh12345678?cite=mla'],
		['/fr/n/abcdefgh12345678?cite=word', null],
		['/fr/n/abcdefgh12345678?cite=mla&x=1', null],
		['/fr/n/abcdefgh12345678?utm_source=x', null],
		['/fr/n/abcdefgh12345678/', null],
		['/fr/n/abcdefgh12345678/history', null],
		['/de/n/abcdefgh12345678', null],
		['/api/v1/notes/abcdefgh12345678', null],
		['/en', null]
	])('%s → %s', (target, key) => {
		expect(cacheKey(target)).toBe(key);
	});
});
