// The rendered pages the front server answers anonymous readers with, without asking SvelteKit (DESIGN §3a).
// Correctness rests on one rule: any change to what pages show empties the whole cache (a new generation), and a
// render that began in an older generation is never stored, since it may have read the data before the change.
// Pages are few and renders cheap next to a wrong page, so nothing finer than "everything" is tracked.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'identity' | 'br' | 'gzip';
export type OutgoingHeaders = Record<string, string | string[]>;

/** One encoding of a page: its bytes, its own strong ETag, and the headers a 200 carries. */
export type PageVariant = { body: Buffer; etag: string; headers: OutgoingHeaders };

export type CachedPage = {
	key: string;
	/** When it was rendered (ms); Last-Modified is this, to the second. */
	renderedAt: number;
	lastModified: string;
	/** The response headers to replay, without the per-encoding ones (length, encoding, ETag). */
	headers: OutgoingHeaders;
	variants: Partial<Record<Encoding, PageVariant>>;
	bytes: number;
};

/** Taken when a render starts; `store` refuses a render whose ticket is from an older generation. */
export type Ticket = { generation: number };

export type PageCacheOptions = {
	/** Upper bound of the bodies kept, all encodings counted. */
	maxBytes: number;
	/** A page larger than this is not kept (and a render larger than this is not buffered). */
	maxPageBytes?: number;
	now?: () => number;
};

// Compressed on the first request that accepts the encoding, then kept: brotli at 5 costs about a millisecond for
// a 40 KB page and gives most of quality 11's gain.
const compressors: Record<Exclude<Encoding, 'identity'>, (body: Buffer) => Buffer> = {
	br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
	gzip: (body) => gzipSync(body, { level: 6 })
};

function etagOf(body: Buffer, encoding: Encoding): string {
	const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
	return encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`;
}

/** The next local midnight: the note page prints today's date (the citation's "consulted on", in TZ). */
function nextMidnight(now: number): number {
	const d = new Date(now);
	d.setHours(24, 0, 0, 0);
	return d.getTime();
}

export class PageCache {
	readonly maxBytes: number;
	readonly maxPageBytes: number;
	#now: () => number;
	#pages = new Map<string, CachedPage>();
	#pending = new Map<string, { generation: number; result: Promise<CachedPage | undefined> }>();
	#bytes = 0;
	#generation = 0;
	#clearedAt: number;
	#dayEndsAt: number;
	stats = { hits: 0, misses: 0, stores: 0, refused: 0, evictions: 0, clears: 0 };

	constructor(options: PageCacheOptions) {
		this.maxBytes = options.maxBytes;
		this.maxPageBytes = Math.min(options.maxPageBytes ?? 2 * 1024 * 1024, options.maxBytes);
		this.#now = options.now ?? Date.now;
		this.#clearedAt = this.#now();
		this.#dayEndsAt = nextMidnight(this.#clearedAt);
	}

	get bytes(): number {
		return this.#bytes;
	}
	get size(): number {
		return this.#pages.size;
	}
	get generation(): number {
		this.#checkDay();
		return this.#generation;
	}

	/** Forgets every page and every render in flight: called on each change notification and at midnight. */
	clear(): void {
		this.#generation++;
		this.#clearedAt = this.#now();
		this.#pages.clear();
		this.#pending.clear();
		this.#bytes = 0;
		this.stats.clears++;
	}

	#checkDay(): void {
		if (this.#now() < this.#dayEndsAt) return;
		this.clear();
		this.#dayEndsAt = nextMidnight(this.#now());
	}

	get(key: string): CachedPage | undefined {
		this.#checkDay();
		const page = this.#pages.get(key);
		if (!page) {
			this.stats.misses++;
			return undefined;
		}
		this.stats.hits++;
		// Least recently used goes first: a Map iterates in insertion order.
		this.#pages.delete(key);
		this.#pages.set(key, page);
		return page;
	}

	begin(): Ticket {
		return { generation: this.generation };
	}

	/**
	 * Keeps a rendered page, unless the cache changed generation since `ticket` was taken (the render may show
	 * data from before the change) or the page is larger than maxPageBytes. Returns the page kept, if any.
	 */
	store(key: string, ticket: Ticket, response: { headers: OutgoingHeaders; body: Buffer }): CachedPage | undefined {
		if (ticket.generation !== this.generation || response.body.length > this.maxPageBytes) {
			this.stats.refused++;
			return undefined;
		}
		const renderedAt = this.#now();
		const page: CachedPage = {
			key,
			renderedAt,
			lastModified: new Date(renderedAt).toUTCString(),
			headers: response.headers,
			variants: {},
			bytes: 0
		};
		this.#remove(key);
		this.#pages.set(key, page);
		this.#addVariant(page, 'identity', response.body);
		this.stats.stores++;
		return this.#pages.has(key) ? page : undefined;
	}

	/** The page in `encoding`, compressed now if it is the first request for it. */
	variant(page: CachedPage, encoding: Encoding): PageVariant {
		const identity = page.variants.identity!;
		if (encoding === 'identity') return identity;
		const existing = page.variants[encoding];
		if (existing) return existing;
		const compressed = compressors[encoding](identity.body);
		// Not worth it (tiny pages): the identity bytes answer, still with Vary: Accept-Encoding.
		if (compressed.length >= identity.body.length) return identity;
		// A page evicted or replaced meanwhile is still answered, just not kept.
		if (this.#pages.get(page.key) !== page) return this.#makeVariant(page, encoding, compressed);
		return this.#addVariant(page, encoding, compressed);
	}

	/**
	 * Whether If-Modified-Since (seconds) may answer 304 for this page. Only if the page's second is after the second
	 * of the last clear: two renders in the same second as a change may differ, and a date cannot tell them apart.
	 */
	unchangedSince(page: CachedPage, since: number): boolean {
		const second = Math.floor(page.renderedAt / 1000) * 1000;
		return since >= second && Math.floor(this.#clearedAt / 1000) * 1000 < second;
	}

	/** The render in flight for `key` in this generation, for concurrent misses to wait on instead of rendering. */
	pending(key: string): Promise<CachedPage | undefined> | undefined {
		const entry = this.#pending.get(key);
		return entry && entry.generation === this.generation ? entry.result : undefined;
	}

	/** Registers the caller as the one render of `key`; `settle` must be called exactly once, whatever happens. */
	lead(key: string): { ticket: Ticket; settle: (page: CachedPage | undefined) => void } {
		const ticket = this.begin();
		let settle!: (page: CachedPage | undefined) => void;
		const result = new Promise<CachedPage | undefined>((resolve) => (settle = resolve));
		const entry = { generation: ticket.generation, result };
		this.#pending.set(key, entry);
		return {
			ticket,
			settle: (page) => {
				if (this.#pending.get(key) === entry) this.#pending.delete(key);
				settle(page);
			}
		};
	}

	#makeVariant(page: CachedPage, encoding: Encoding, body: Buffer): PageVariant {
		const etag = etagOf(body, encoding);
		const headers: OutgoingHeaders = { ...page.headers, etag, 'last-modified': page.lastModified, 'content-length': String(body.length) };
		if (encoding !== 'identity') headers['content-encoding'] = encoding;
		return { body, etag, headers };
	}

	#addVariant(page: CachedPage, encoding: Encoding, body: Buffer): PageVariant {
		const variant = this.#makeVariant(page, encoding, body);
		page.variants[encoding] = variant;
		page.bytes += body.length;
		this.#bytes += body.length;
		this.#evict();
		return variant;
	}

	#remove(key: string): void {
		const page = this.#pages.get(key);
		if (!page) return;
		this.#pages.delete(key);
		this.#bytes -= page.bytes;
	}

	#evict(): void {
		for (const key of this.#pages.keys()) {
			if (this.#bytes <= this.maxBytes) return;
			this.#remove(key);
			this.stats.evictions++;
		}
	}
}
