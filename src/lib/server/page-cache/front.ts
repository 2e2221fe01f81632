// The node:http front of server.ts: answers cached anonymous pages itself (about 40 µs, DESIGN §3a) and passes
// everything else to SvelteKit's handler untouched. A miss is rendered by SvelteKit into the real response, which
// is held back until complete so that it can be stored and answered like a hit (ETag, 304, compression).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { chooseEncoding, isNotModified } from './conditional.ts';
import type { CachedPage, OutgoingHeaders, PageCache, PageVariant } from './page-cache.ts';

export const CACHE_STATUS_HEADER = 'x-commonplace-cache';

/** better-auth's cookie is `better-auth.session_token`, `__Secure-` prefixed over https. */
const SESSION_COOKIE = /(?:^|;)\s*[^=;]*session_token[^=;]*=/;

/** Whether the page may differ for this request: a signed-in reader (or an API client) never gets a cached page. */
export function isViewerSpecific(req: IncomingMessage): boolean {
	if (req.headers.authorization !== undefined) return true;
	const cookie = req.headers.cookie;
	return cookie !== undefined && SESSION_COOKIE.test(cookie);
}

// Per connection or per response, so never replayed; ETag and Last-Modified are the cache's own.
const NOT_REPLAYED = new Set([
	'connection',
	'keep-alive',
	'transfer-encoding',
	'content-length',
	'date',
	'etag',
	'last-modified',
	CACHE_STATUS_HEADER
]);

function withVary(value: string | string[] | undefined, name: string): string {
	const names = (Array.isArray(value) ? value.join(',') : (value ?? ''))
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	if (!names.some((v) => v.toLowerCase() === name.toLowerCase())) names.push(name);
	return names.join(', ');
}

/** Whether a rendered response may be kept: a public, complete HTML 200 that sets no cookie and varies on nothing we ignore. */
export function isStorable(status: number, headers: Record<string, unknown>): boolean {
	if (status !== 200 || headers['set-cookie'] !== undefined) return false;
	if (!String(headers['content-type'] ?? '').startsWith('text/html')) return false;
	const cacheControl = String(headers['cache-control'] ?? '').toLowerCase();
	if (!/\bpublic\b/.test(cacheControl) || /\b(private|no-store|no-cache)\b/.test(cacheControl)) return false;
	if (headers['content-encoding'] !== undefined) return false;
	// Cookie is fine (the session cookie bypasses the cache, and no other cookie changes a page: the language is in
	// the path); any other request header the page depends on is one the cache key does not hold.
	const vary = String(headers.vary ?? '')
		.toLowerCase()
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	return vary.every((v) => v === 'cookie' || v === 'accept-encoding');
}

function replayedHeaders(headers: Record<string, unknown>): OutgoingHeaders {
	const kept: OutgoingHeaders = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || NOT_REPLAYED.has(name)) continue;
		kept[name] = Array.isArray(value) ? value.map(String) : String(value);
	}
	kept.vary = withVary(kept.vary, 'Accept-Encoding');
	return kept;
}

// Each variant's headers with the cache status added, made once: writeHead given one object and no header set
// before it takes Node's fast path, a measurable share of a hit's cost at 10,000 requests a second.
const labelled = new WeakMap<PageVariant, Record<string, OutgoingHeaders>>();
function headersFor(variant: PageVariant, status: string): OutgoingHeaders {
	let byStatus = labelled.get(variant);
	if (!byStatus) labelled.set(variant, (byStatus = {}));
	return (byStatus[status] ??= { ...variant.headers, [CACHE_STATUS_HEADER]: status });
}

/** Answers from a cached page: 304 if the reader's copy is current, else the page in the best encoding it accepts. */
export function answer(cache: PageCache, req: IncomingMessage, res: ServerResponse, page: CachedPage, status: string): void {
	const variant = cache.variant(page, chooseEncoding(req.headers['accept-encoding']));
	if (isNotModified(req.headers, variant.etag, (since) => cache.unchangedSince(page, since))) {
		// §15.4.5: a 304 carries the validators and the headers a 200 would have for caching.
		const { etag, 'last-modified': lastModified, 'cache-control': cacheControl, vary } = variant.headers;
		const head: OutgoingHeaders = { etag, 'last-modified': lastModified, vary, [CACHE_STATUS_HEADER]: status };
		if (cacheControl) head['cache-control'] = cacheControl;
		res.writeHead(304, head);
		res.end();
		return;
	}
	res.writeHead(200, headersFor(variant, status));
	res.end(req.method === 'HEAD' ? undefined : variant.body);
}

type Captured = { status: number; headers: Record<string, unknown>; body: Buffer };

/**
 * Holds back what `handler` writes to `res` until it ends, then calls `done` with it; `done` answers the request.
 * Past `limit` bytes the response is let through as it comes and `done` gets null. `done` also gets null if the
 * connection closes first (the reader left): whoever waits on this render must not wait forever.
 */
function capture(res: ServerResponse, limit: number, done: (captured: Captured | null) => void): void {
	const chunks: Buffer[] = [];
	let size = 0;
	let status = 200;
	let head: unknown[] = [];
	let settled = false;
	const settle = (captured: Captured | null) => {
		if (settled) return;
		settled = true;
		done(captured);
	};
	const restore = () => {
		// The instance's own methods shadow the prototype's; removing them brings the real ones back.
		delete (res as Partial<ServerResponse>).writeHead;
		delete (res as Partial<ServerResponse>).write;
		delete (res as Partial<ServerResponse>).end;
	};
	const toBuffer = (chunk: unknown, encoding?: unknown) =>
		typeof chunk === 'string'
			? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding)
			: Buffer.from(chunk as Uint8Array);
	const letThrough = () => {
		restore();
		res.writeHead(status, ...(head as []));
		for (const chunk of chunks) res.write(chunk);
		chunks.length = 0;
		settle(null);
	};
	res.writeHead = function (statusCode: number, ...rest: unknown[]) {
		status = statusCode;
		head = rest;
		return res;
	} as ServerResponse['writeHead'];
	res.write = function (chunk: unknown, encoding?: unknown, callback?: unknown) {
		const buffer = toBuffer(chunk, encoding);
		chunks.push(buffer);
		size += buffer.length;
		if (size > limit) {
			letThrough();
		}
		const cb = typeof encoding === 'function' ? encoding : callback;
		if (typeof cb === 'function') queueMicrotask(() => cb());
		return true;
	} as ServerResponse['write'];
	res.end = function (chunk?: unknown, encoding?: unknown, callback?: unknown) {
		if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
		if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
		if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
		restore();
		if (typeof callback === 'function') res.once('finish', callback as () => void);
		// Headers given to writeHead(status, headers) join those set with setHeader, as Node would merge them.
		const given = head.find((h) => typeof h === 'object' && h !== null && !Array.isArray(h)) as Record<string, unknown> | undefined;
		for (const [name, value] of Object.entries(given ?? {})) res.setHeader(name, value as string);
		settle({ status, headers: res.getHeaders(), body: Buffer.concat(chunks) });
		return res;
	} as ServerResponse['end'];
	res.once('close', () => {
		if (!settled) {
			restore();
			settle(null);
		}
	});
}

export type PageCacheFrontOptions = {
	cache: PageCache;
	handler: RequestListener;
	/** The cache key of a request target, or null when it is not cacheable (see routes.ts). */
	keyOf: (target: string) => string | null;
};

/** A request listener that puts `cache` in front of `handler` for anonymous GET and HEAD of cacheable pages. */
export function pageCacheFront({ cache, handler, keyOf }: PageCacheFrontOptions): RequestListener {
	const render = (req: IncomingMessage, res: ServerResponse, key: string) => {
		const { ticket, settle } = cache.lead(key);
		capture(res, cache.maxPageBytes, (captured) => {
			if (!captured) return settle(undefined);
			const page = isStorable(captured.status, captured.headers)
				? cache.store(key, ticket, { headers: replayedHeaders(captured.headers), body: captured.body })
				: undefined;
			settle(page);
			if (page) {
				// The page's own headers are in `page`; SvelteKit's identity Content-Length must not reach a 304 or a br body.
				for (const name of res.getHeaderNames()) res.removeHeader(name);
				return answer(cache, req, res, page, 'miss');
			}
			res.setHeader(CACHE_STATUS_HEADER, 'miss');
			res.writeHead(captured.status);
			res.end(captured.body);
		});
		handler(req, res);
	};

	return (req, res) => {
		const method = req.method;
		const key = (method === 'GET' || method === 'HEAD') && req.url ? keyOf(req.url) : null;
		if (key === null) return handler(req, res);
		if (isViewerSpecific(req)) {
			res.setHeader(CACHE_STATUS_HEADER, 'bypass');
			return handler(req, res);
		}
		const page = cache.get(key);
		if (page) return answer(cache, req, res, page, 'hit');
		// HEAD is rare: SvelteKit renders it without a body, which is nothing worth keeping.
		if (method === 'HEAD') return handler(req, res);
		const pending = cache.pending(key);
		if (!pending) return render(req, res, key);
		// A render that could not be kept (an error page, a change meanwhile) is no answer for the others: each renders.
		void pending.then((shared) => (shared ? answer(cache, req, res, shared, 'coalesced') : handler(req, res)));
	};
}
