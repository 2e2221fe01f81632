// The JSON API over real HTTP against the built app: problem+json errors, token and session auth, the
// visibility rule (DESIGN §6), and cursor pagination (DESIGN §8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { apiCall, HOST_EMAIL, signedIn, tokenOf, type ApiCall, type Client } from './client.ts';

let app: RunningApp;
let hostToken: string;
let memberToken: string;
let host: Client;

const signIn = (email: string) => signedIn(app.url, email);
const call = (path: string, options?: ApiCall) => apiCall(app.url, path, options);

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
	app = await startApp();
	host = await signIn(HOST_EMAIL);
	hostToken = await tokenOf(host);
	memberToken = await tokenOf(await signIn('alex@commonplace.localhost'));
});
afterAll(() => app?.stop());

describe('errors are problem+json', () => {
	it('answers 404 for a note that does not exist, and for unknown API paths', async () => {
		for (const path of ['/api/v1/notes/nope', '/api/v1/no/such/thing']) {
			const res = await call(path);
			expect(res.status, path).toBe(404);
			expect(res.headers.get('content-type')).toBe('application/problem+json');
			expect(res.body).toMatchObject({ type: '/problems/not-found', title: 'Not found', status: 404, instance: path });
		}
	});

	it('answers 401 with WWW-Authenticate to a bad token, even on public resources', async () => {
		const res = await call('/api/v1/communities', { token: 'cp_not-a-real-token' });
		expect(res.status).toBe(401);
		expect(res.headers.get('www-authenticate')).toBe('Bearer');
		expect(res.body).toMatchObject({ type: '/problems/unauthorized', status: 401 });
	});

	it('answers 415 to a write that is not JSON, with a session cookie or a token', async () => {
		const form = await host.postForm('/api/v1/communities', { name: 'Form post', visibility: 'public' });
		expect(form.status).toBe(415);
		expect(form.headers.get('content-type')).toBe('application/problem+json');
		const text = await call('/api/v1/communities', {
			token: hostToken,
			method: 'POST',
			body: '{}',
			headers: { 'content-type': 'text/plain', origin: app.url }
		});
		expect(text.status).toBe(415);
		expect(text.body.type).toBe('/problems/unsupported-media-type');
	});

	it('answers 400 to malformed JSON', async () => {
		const res = await call('/api/v1/communities', { token: hostToken, method: 'POST', body: '{"name":' });
		expect(res.status).toBe(400);
		expect(res.body.type).toBe('/problems/bad-request');
	});
});

describe('accounts', () => {
	it('tells a token or a session whose account it is, and anonymous callers to authenticate', async () => {
		const byToken = await call('/api/v1/me', { token: memberToken });
		expect(byToken.status).toBe(200);
		expect(byToken.body).toMatchObject({ handle: 'alex', email: 'alex@commonplace.localhost', locale: 'en', isAdmin: false });
		const bySession = await host.get('/api/v1/me', { accept: 'application/json' });
		expect((await bySession.json()).handle).toBe('marie-soleil');
		const anonymous = await call('/api/v1/me');
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
	});

	it('shows public profile fields only', async () => {
		const res = await call('/api/v1/profiles/alex');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ handle: 'alex', displayName: 'Alex Tremblay', url: `${app.url}/en/u/alex` });
		expect(res.body).not.toHaveProperty('email');
		expect(res.body).not.toHaveProperty('locale');
		expect((await call('/api/v1/profiles/nobody-here')).status).toBe(404);
	});
});

describe('communities', () => {
	it('creates with a session cookie and JSON, answering 201 with Location', async () => {
		const slug = unique('session-made');
		const res = await host.postJson(
			'/api/v1/communities',
			{ slug, name: 'Made in a browser', visibility: 'public' },
			{ accept: 'application/json' }
		);
		expect(res.status).toBe(201);
		expect(res.headers.get('location')).toBe(`${app.url}/api/v1/communities/${slug}`);
		expect(await res.json()).toMatchObject({ slug, membership: { role: 'host', status: 'active' }, canManage: true });
	});

	it('answers 422 with field errors to an invalid community, and 409 to a taken slug', async () => {
		const invalid = await call('/api/v1/communities', {
			token: hostToken,
			method: 'POST',
			body: { slug: 'Not A Slug', name: 'x', visibility: 'everyone' }
		});
		expect(invalid.status).toBe(422);
		expect(invalid.body.errors).toEqual({ slug: ['slug_invalid'], name: ['name_too_short'], visibility: ['visibility_required'] });
		const slug = unique('taken');
		const first = await call('/api/v1/communities', {
			token: hostToken,
			method: 'POST',
			body: { slug, name: 'First', visibility: 'public' }
		});
		expect(first.status).toBe(201);
		const second = await call('/api/v1/communities', {
			token: memberToken,
			method: 'POST',
			body: { slug, name: 'Second', visibility: 'public' }
		});
		expect(second.status).toBe(409);
		expect(second.body).toMatchObject({ type: '/problems/conflict', errors: { slug: ['slug_taken'] } });
	});

	it('hides a secret community from outsiders (404, unlisted) and shows it with its members to a member', async () => {
		const slug = unique('secret');
		expect(
			(await call('/api/v1/communities', { token: hostToken, method: 'POST', body: { slug, name: 'Hidden circle', visibility: 'secret' } }))
				.status
		).toBe(201);
		for (const token of [undefined, memberToken]) {
			const res = await call(`/api/v1/communities/${slug}`, { token });
			expect(res.status).toBe(404);
			expect(res.body).toMatchObject({ type: '/problems/not-found', detail: 'No such community' });
			expect((await call(`/api/v1/communities/${slug}/membership`, { token: memberToken, method: 'POST' })).status).toBe(404);
		}
		const seen = await call(`/api/v1/communities/${slug}`, { token: hostToken });
		expect(seen.status).toBe(200);
		expect(seen.body).toMatchObject({ slug, visibility: 'secret', members: [{ handle: 'marie-soleil', role: 'host' }] });
		const listed = await call('/api/v1/communities?limit=100', { token: memberToken });
		expect(listed.body.items.map((c: { slug: string }) => c.slug)).not.toContain(slug);
	});

	it('lets a token join and leave with body-less JSON writes, and keeps closed member lists for members', async () => {
		const slug = unique('closed');
		await call('/api/v1/communities', { token: hostToken, method: 'POST', body: { slug, name: 'Closed circle', visibility: 'closed' } });
		const outsider = await call(`/api/v1/communities/${slug}`, { token: memberToken });
		expect(outsider.status).toBe(200);
		expect(outsider.body).not.toHaveProperty('members');
		expect(outsider.body.joinAction).toBe('request');
		const asked = await call(`/api/v1/communities/${slug}/membership`, { token: memberToken, method: 'POST' });
		expect(asked).toMatchObject({ status: 200, body: { role: 'member', status: 'pending' } });
		expect((await call(`/api/v1/communities/${slug}/membership`, { token: memberToken, method: 'POST' })).status).toBe(409);
		const left = await call(`/api/v1/communities/${slug}/membership`, { token: memberToken, method: 'DELETE' });
		expect(left.status).toBe(204);
		expect((await call(`/api/v1/communities/${slug}/membership`, { token: memberToken, method: 'DELETE' })).status).toBe(409);
	});

	it('pages through every visible community with an opaque cursor', async () => {
		for (let i = 0; i < 3; i++) {
			await call('/api/v1/communities', {
				token: hostToken,
				method: 'POST',
				body: { slug: unique('paged'), name: `Paged ${i}`, visibility: 'public' }
			});
		}
		const all = (await call('/api/v1/communities?limit=100')).body.items.map((c: { slug: string }) => c.slug);
		expect(all.length).toBeGreaterThan(4);
		const walked: string[] = [];
		let next: string | null = null;
		let pages = 0;
		do {
			const res = await call(`/api/v1/communities?limit=2${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
			expect(res.status).toBe(200);
			expect(res.body.items.length).toBeLessThanOrEqual(2);
			walked.push(...res.body.items.map((c: { slug: string }) => c.slug));
			next = res.body.next;
			pages++;
		} while (next && pages < 50);
		expect(walked).toEqual(all);
		expect(pages).toBe(Math.ceil(all.length / 2));
		const bad = await call('/api/v1/communities?cursor=forged');
		expect(bad.status).toBe(422);
		expect(bad.body.errors).toEqual({ cursor: ['cursor_invalid'] });
	});
});

describe('the OpenAPI document', () => {
	it('is served as OpenAPI 3.1 for this instance', async () => {
		const res = await call('/api/v1/openapi.json');
		expect(res.status).toBe(200);
		expect(res.body.openapi).toMatch(/^3\.1\./);
		expect(res.body.servers).toEqual([{ url: app.url }]);
		expect(Object.keys(res.body.paths)).toContain('/api/v1/communities/{slug}/membership');
	});
});
