// Cross-site request forgery: the rule SvelteKit applies (csrf.js: a POST, PUT, PATCH or DELETE whose body is a form
// type, or has no type at all, must come from our own origin), with one exception SvelteKit cannot know about. A
// request to the API that carries `Authorization: Bearer` is authenticated by that token alone (hooks.server.ts never
// reads the cookie for it), and a browser cannot attach that header to a cross-site request without a CORS preflight,
// which we never grant. Without the exception, `curl -X DELETE` with a token, or a script's multipart upload, was
// refused as a "cross-site form submission". SvelteKit's own check is off (`trustedOrigins: ['*']` in vite.config.ts)
// so that this one, in the first hook, is the only one.

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata']);
// Paths where a bearer token, when present, is the only credential read (hooks.server.ts `identify`).
const TOKEN_PATHS = /^\/(api\/v1|files)(\/|$)/;
// One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` from their own servers, with no
// Origin and no cookie. The signed token in the path is the only credential and can only turn mail off
// (notifications/unsubscribe.ts), so such a POST is let through there, and only there: no query, no other method.
const ONE_CLICK_UNSUBSCRIBE = /^\/(fr|en)\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Whether this request is a write a page on another site could have sent with the reader's cookies. */
export function isForbiddenCrossSiteWrite(request: Request, url: URL): boolean {
	if (!MUTATING.has(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	if (type !== '' && !FORM_TYPES.has(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	if (TOKEN_PATHS.test(url.pathname) && /^Bearer\s+\S+$/i.test(request.headers.get('authorization') ?? '')) return false;
	if (request.method === 'POST' && url.search === '' && ONE_CLICK_UNSUBSCRIBE.test(url.pathname)) return false;
	return true;
}
