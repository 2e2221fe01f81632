import type { RequestEvent } from '@sveltejs/kit';
import { sequence, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { getRequestEvent } from '$app/server';
import { svelteKitHandler, sveltekitCookies } from 'better-auth/svelte-kit';
import { langFromAcceptLanguage, langFromPath } from '#lib/i18n.ts';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { anonymous } from '#lib/domain/viewer.ts';
import { getApp } from '#lib/server/app.ts';
import { findAccountByToken, findSignedInAccount } from '#lib/server/accounts/index.ts';
import { isForbiddenCrossSiteWrite } from '#lib/server/http/csrf.ts';
import { problemFor, problemResponse } from '#lib/server/http/problem.ts';
import { seedDemo } from '#lib/server/demo/seed.ts';

const app = () => getApp([sveltekitCookies(getRequestEvent)]);

// Open the database, migrate and warm it before the first request, not during it.
// Open the database, migrate and warm it before the first request, not during it; `vite dev` gets the demo too.
export const init: ServerInit = async () => {
	if (building) return;
	const { ctx, auth } = await app();
	if (ctx.config.demoContent) {
		const seeded = await seedDemo(ctx, auth);
		if (seeded) console.log(seeded);
	}
};

// Paths that live outside the /fr and /en page tree.
const UNPREFIXED = /^\/(api|ap|_app|\.well-known|avatars|files|favicon\.svg|app\.css|robots\.txt)(\/|$)/;

const language: Handle = ({ event, resolve }) => {
	const { pathname } = event.url;
	const lang = langFromPath(pathname);
	if (!lang && !UNPREFIXED.test(pathname) && (event.request.method === 'GET' || event.request.method === 'HEAD')) {
		const target = langFromAcceptLanguage(event.request.headers.get('accept-language'));
		// The answer depends on Accept-Language: caches must not hand a French reader the English redirect.
		return new Response(null, {
			status: 302,
			headers: { location: `/${target}${pathname === '/' ? '' : pathname}${event.url.search}`, vary: 'Accept-Language' }
		});
	}
	event.locals.lang = lang ?? langFromAcceptLanguage(event.request.headers.get('accept-language'));
	return paraglideMiddleware(event.request, () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) })
	);
};

async function identify(event: RequestEvent) {
	const { ctx, auth } = event.locals.app;
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	// Tokens work for the API and for downloading the files it lists (a script fetching a private note's attachment).
	if (bearer && (event.url.pathname.startsWith('/api/v1') || event.url.pathname.startsWith('/files/'))) {
		const accountId = await findAccountByToken(ctx.db, bearer);
		return accountId ? { accountId, via: 'token' as const } : 'invalid-token';
	}
	const session = await auth.api.getSession({ headers: event.request.headers });
	return session ? { accountId: session.user.id, via: 'session' as const } : null;
}

// Served the same to everyone: no session lookup, no database query per image.
const ANONYMOUS_ONLY = /^\/(avatars|_app|favicon\.svg|app\.css|robots\.txt)(\/|$)/;

const authentication: Handle = async ({ event, resolve }) => {
	event.locals.app = await app();
	event.locals.viewer = anonymous;
	event.locals.account = null;
	event.locals.via = null;
	if (ANONYMOUS_ONLY.test(event.url.pathname)) return resolve(event);
	const who = await identify(event);
	if (who === 'invalid-token') {
		return problemResponse(problemFor('unauthorized', 401, 'Unknown or revoked token', event.url.pathname, event.locals.lang), {
			'www-authenticate': 'Bearer'
		});
	}
	if (who) {
		const { db } = event.locals.app.ctx;
		const signedIn = await findSignedInAccount(db, who.accountId);
		if (signedIn) {
			event.locals.viewer = signedIn.viewer;
			event.locals.via = who.via;
			event.locals.account = signedIn.account;
		}
	}
	return svelteKitHandler({ event, resolve, auth: event.locals.app.auth, building });
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('x-content-type-options', 'nosniff');
	h.set('referrer-policy', 'strict-origin-when-cross-origin');
	h.set('x-frame-options', 'DENY');
	h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	h.set('cross-origin-opener-policy', 'same-origin');
	if (!h.has('content-security-policy')) h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	return response;
};

// Before anything reads the body or the session (csrf.ts says why SvelteKit's own check is replaced by this one).
const crossSiteWrites: Handle = ({ event, resolve }) => {
	if (!isForbiddenCrossSiteWrite(event.request, event.url)) return resolve(event);
	const detail = `Cross-site ${event.request.method} form submissions are forbidden`;
	if (event.url.pathname.startsWith('/api/'))
		return problemResponse(problemFor('forbidden', 403, detail, event.url.pathname, langFromPath(event.url.pathname) ?? 'en'));
	return new Response(detail, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};

export const handle = sequence(securityHeaders, crossSiteWrites, language, authentication);

export const handleError: HandleServerError = ({ kind, error, event }) => {
	// Unknown errors are logged with the method and path only: request bodies and query strings may hold secrets.
	if (kind === 'unknown') console.error(`[error] ${event.request.method} ${event.url.pathname}`, error);
};
