// The one wrapper every /api/v1 handler goes through: handlers parse with the capability's schema, call a
// use case and return a presenter's output; errors become RFC 9457 problems here, never in routes.
import { json, type RequestEvent } from '@sveltejs/kit';
import { ZodError, type z } from 'zod';
import { DomainError, isDomainError, RateLimitedError, UnauthorizedError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { problemFor, problemResponse, toProblemResponse } from './problem.ts';

/** The body is not JSON at all (as opposed to JSON that fails validation: 422), or a multipart body is broken. */
export class MalformedJsonError extends DomainError {
	readonly code = 'bad-request';
	readonly status = 400;
}

/**
 * Writes must declare application/json. SvelteKit's CSRF origin check covers only form content types; a
 * cross-site page cannot send application/json without a CORS preflight we never grant, and the session
 * cookie is SameSite=Lax, so demanding JSON is what protects cookie-authenticated writes.
 */
export class UnsupportedMediaTypeError extends DomainError {
	readonly code = 'unsupported-media-type';
	readonly status = 415;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const isJson = (request: Request) => request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() === 'application/json';
// `curl -X DELETE` sends neither a body nor a type; csrf.ts already refused such a request from another site.
const isBodiless = (request: Request) =>
	!request.headers.has('content-type') && (request.body === null || request.headers.get('content-length') === '0');

// Answers differ by caller and language; shared caches must not hand one caller's view to another.
function withApiHeaders(response: Response): Response {
	if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-cache');
	response.headers.append('vary', 'Authorization, Cookie, Accept-Language');
	return response;
}

/**
 * Wraps a handler: refuses non-JSON writes (415), maps DomainError, ZodError and malformed JSON to
 * problem+json, and rethrows anything else so handleError logs it and the client gets a bare 500.
 * `uploads: true` lets a POST or PUT carry a file instead: the handler must read it with readUpload (upload.ts), which
 * applies the same protection against cross-site writes.
 */
export function api<E extends RequestEvent>(handler: (event: E) => Response | Promise<Response>, options: { uploads?: boolean } = {}) {
	return async (event: E): Promise<Response> => {
		try {
			const upload = options.uploads && (event.request.method === 'POST' || event.request.method === 'PUT');
			if (WRITES.has(event.request.method) && !upload && !isJson(event.request) && !isBodiless(event.request)) {
				throw new UnsupportedMediaTypeError('Send write requests with Content-Type: application/json');
			}
			return withApiHeaders(await handler(event));
		} catch (e) {
			// Only errors we raised on purpose become problems: a SyntaxError or TypeError from a bug must stay a 500,
			// not pass for the client's malformed JSON (readJson reports that itself).
			if (!(e instanceof ZodError) && !isDomainError(e)) throw e;
			const response = toProblemResponse(e, event.url, event.locals.lang);
			if (response.status === 401) response.headers.set('www-authenticate', 'Bearer');
			if (e instanceof RateLimitedError && e.retryAfterSeconds !== null) response.headers.set('retry-after', String(e.retryAfterSeconds));
			if (response.status === 415 && event.request.method === 'POST')
				response.headers.set('accept-post', options.uploads ? 'multipart/form-data, application/octet-stream' : 'application/json');
			return withApiHeaders(response);
		}
	};
}

/** `export const fallback = methodNotAllowed('GET, POST')`: a 405 problem instead of SvelteKit's plain text. */
export const methodNotAllowed =
	(allow: string) =>
	(event: RequestEvent): Response =>
		withApiHeaders(
			problemResponse(problemFor('method-not-allowed', 405, `Allowed: ${allow}`, event.url.pathname, event.locals.lang), { allow })
		);

/** Paths under /api/v1 that no route serves: 404 before anything else, even for a write without JSON. */
export const unknownApiPath = (event: RequestEvent): Response =>
	withApiHeaders(problemResponse(problemFor('not-found', 404, 'No such API resource', event.url.pathname, event.locals.lang)));

/** Parses the JSON body with the capability's schema; malformed JSON is 400, a failed schema 422. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	let body: unknown;
	try {
		body = JSON.parse(await request.text());
	} catch {
		throw new MalformedJsonError('The body is not valid JSON');
	}
	return schema.parse(body);
}

/** Parses the query string with the capability's schema (a repeated key keeps its last value). */
export const readQuery = <S extends z.ZodType>(url: URL, schema: S): z.output<S> => schema.parse(Object.fromEntries(url.searchParams));

type SignedIn = { viewer: Extract<Viewer, { kind: 'account' }>; account: NonNullable<App.Locals['account']> };

/** The caller's account, from the session cookie or a bearer token; UnauthorizedError (401) otherwise. */
export function requireAccount(locals: App.Locals): SignedIn {
	if (locals.viewer.kind !== 'account' || !locals.account)
		throw new UnauthorizedError('Sign in, or send a personal access token as a Bearer token');
	return { viewer: locals.viewer, account: locals.account };
}

/** What presenters need to build absolute URLs: the public origin and the language of the request. */
export const presentAt = (locals: App.Locals) => ({ publicUrl: locals.app.ctx.config.publicUrl, lang: locals.lang });

export const ok = (body: unknown, headers: Record<string, string> = {}) => json(body, { headers });

export const created = (body: unknown, location: string) => json(body, { status: 201, headers: { location } });

export const noContent = () => new Response(null, { status: 204 });
