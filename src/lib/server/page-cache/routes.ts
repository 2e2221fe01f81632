// Which anonymous requests the front cache may answer, and under which key. A page is cached only if its URL is
// listed here AND its response says `cache-control: public` (the route opts in with setHeaders), so neither a new
// route nor a forgotten header can put a page in the cache by accident.
import { CITATION_FORMATS } from '../citations/schemas.ts';

type CacheableRoute = { path: RegExp; query: Record<string, readonly string[]> };

const ROUTES: CacheableRoute[] = [
	// The note page, and its citation switcher's GET form (?cite=mla). Only known formats: any other query string
	// would let a crawler fill the cache with copies of one page and push the others out.
	{ path: /^\/(?:fr|en)\/n\/[A-Za-z0-9_-]{1,64}$/, query: { cite: CITATION_FORMATS } }
];

/**
 * The cache key of a request target (`/en/n/abc?cite=mla`), or null if it is not cacheable. The language is in the
 * path, so no header takes part in the key; percent-encoded or repeated parameters are simply not cached.
 */
export function cacheKey(target: string): string | null {
	const q = target.indexOf('?');
	const path = q === -1 ? target : target.slice(0, q);
	const search = q === -1 ? '' : target.slice(q + 1);
	for (const route of ROUTES) {
		if (!route.path.test(path)) continue;
		if (search === '') return path;
		const params = search.split('&');
		if (params.length !== 1) return null;
		const [name, value = ''] = params[0].split('=');
		return route.query[name]?.includes(value) ? `${path}?${name}=${value}` : null;
	}
	return null;
}
