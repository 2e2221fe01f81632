// A minimal browser stand-in over fetch: keeps cookies, never follows redirects (tests assert them), and sends
// the Origin header a browser sends with a form post, which SvelteKit's CSRF check requires.
import { afterAll, beforeAll, expect } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';

export type Client = {
	cookies: Map<string, string>;
	/** Raw Set-Cookie headers seen so far, for attribute checks. */
	setCookies: string[];
	get(path: string, headers?: Record<string, string>): Promise<Response>;
	/** Posts urlencoded fields like a <form method="post">. */
	postForm(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
	postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
	/** Posts a multipart form, files included, like a <form enctype="multipart/form-data">. */
	postMultipart(path: string, form: FormData): Promise<Response>;
	follow(res: Response): Promise<Response>;
};

export function client(base: string): Client {
	const cookies = new Map<string, string>();
	const setCookies: string[] = [];
	const send = async (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) => {
		const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await fetch(new URL(path, base), {
			...init,
			redirect: 'manual',
			// A browser's Accept: without text/html first, SvelteKit answers form actions as JSON for `enhance`.
			headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...(cookie ? { cookie } : {}), ...init.headers }
		});
		for (const line of res.headers.getSetCookie()) {
			setCookies.push(line);
			const [pair, ...attributes] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
			if (expired) cookies.delete(name);
			else cookies.set(name, value);
		}
		return res;
	};
	const origin = new URL(base).origin;
	return {
		cookies,
		setCookies,
		get: (path, headers = {}) => send(path, { headers }),
		postForm: (path, fields, headers = {}) =>
			send(path, {
				method: 'POST',
				body: new URLSearchParams(fields).toString(),
				headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...headers }
			}),
		postMultipart: (path, form) => send(path, { method: 'POST', body: form, headers: { origin } }),
		postJson: (path, body, headers = {}) =>
			send(path, { method: 'POST', body: JSON.stringify(body), headers: { origin, 'content-type': 'application/json', ...headers } }),
		async follow(res) {
			const location = res.headers.get('location');
			if (!location) throw new Error(`No redirect to follow (status ${res.status})`);
			await res.arrayBuffer();
			return send(new URL(location, base).toString());
		}
	};
}

export const DEMO_PASSWORD = 'commonplace-demo';
export const HOST_EMAIL = 'marie-soleil@commonplace.localhost';
export const ALEX_EMAIL = 'alex@commonplace.localhost';
/** The demo content every app starts with (src/lib/server/demo/seed.ts): the Praxis note, its notebook, the knowledge base. */
export const SEED_NOTE = 'hyFh4E8AibDawZdxZGtAojyBHBY';
export const SEED_NOTEBOOK = 'Xk3v9QmT2pLw7RbN';
export const SEED_KB = 'Sv4rPq8LmN2tXc6W';

/** A browser signed in with a demo account's password. */
export async function signedIn(base: string, email: string, password = DEMO_PASSWORD): Promise<Client> {
	const browser = client(base);
	const res = await browser.postForm('/en/sign-in', { email, password });
	if (res.status !== 303) throw new Error(`Sign-in of ${email} answered ${res.status}`);
	return browser;
}

/** A personal access token, made the way a person makes one: on the settings page, which shows the secret once. */
export async function tokenOf(browser: Client): Promise<string> {
	const res = await browser.postForm('/en/settings/tokens?/create', { name: 'API test' });
	const secret = (await res.text()).match(/cp_[A-Za-z0-9_-]{20,}/)?.[0];
	if (!secret) throw new Error(`No token in the settings page (status ${res.status})`);
	return secret;
}

export type ApiCall = { token?: string; method?: string; body?: unknown; headers?: Record<string, string> };
export type ApiAnswer = { status: number; headers: Headers; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any shape

/** Calls the API like a script would: no cookies, no Origin header, JSON in and out. */
export async function apiCall(base: string, path: string, { token, method = 'GET', body, headers = {} }: ApiCall = {}): Promise<ApiAnswer> {
	const res = await fetch(new URL(path, base), {
		method,
		headers: {
			'accept-language': 'en',
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
			...headers
		},
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** A short random word that keeps apart what the tests of one file make on the app they share. */
export const tag = () => Math.random().toString(36).slice(2, 8);

/** The app of one test file and the two demo people on it, each signed in and with a token of their own. */
export type TestApp = {
	app: RunningApp;
	/** Marie-Soleil, who hosts the demo community and manages its notebook and knowledge base. */
	host: Client;
	hostToken: string;
	/** Alex, a member of the demo community who manages nothing of it. */
	alex: Client;
	alexToken: string;
	/** apiCall on this app. */
	call(path: string, options?: ApiCall): Promise<ApiAnswer>;
};

/**
 * `const t = useApp();` at the top of a test file starts the app before its tests and stops it after them; read
 * `t.app`, `t.host`, `t.hostToken`… inside tests and hooks (they are set once the app is up).
 */
export function useApp(): TestApp {
	const t = { call: (path: string, options?: ApiCall) => apiCall(t.app.url, path, options) } as TestApp;
	beforeAll(async () => {
		t.app = await startApp();
		t.host = await signedIn(t.app.url, HOST_EMAIL);
		t.hostToken = await tokenOf(t.host);
		t.alex = await signedIn(t.app.url, ALEX_EMAIL);
		t.alexToken = await tokenOf(t.alex);
	});
	afterAll(() => t.app?.stop());
	return t;
}

/** A fresh account in no community, through the sign-up form and the verification link the app logs (no SMTP). */
export async function signUpOutsider(app: RunningApp): Promise<Client> {
	const unique = Math.random().toString(36).slice(2, 10);
	const email = `dehors-${unique}@example.org`;
	const from = app.logs.length;
	const res = await client(app.url).postForm('/en/sign-up', {
		email,
		password: 'une phrase de passe assez longue',
		handle: `dehors-${unique}`,
		displayName: 'Personne Dehors',
		locale: 'en'
	});
	expect(res.status).toBe(200);
	const [, link] = await app.waitForLog(/\[mail\] link: (\S+)/, { from });
	expect((await client(app.url).get(link)).status).toBe(302);
	return signedIn(app.url, email, 'une phrase de passe assez longue');
}
