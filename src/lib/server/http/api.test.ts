import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { anonymous } from '../../domain/viewer.ts';
import { api, methodNotAllowed, readJson, readQuery, requireAccount, unknownApiPath } from './api.ts';

function event(method: string, init: { body?: string; contentType?: string; lang?: 'fr' | 'en' } = {}) {
	const headers = init.contentType ? { 'content-type': init.contentType } : undefined;
	const request = new Request('http://localhost/api/v1/things', { method, headers, body: init.body });
	const locals = { lang: init.lang ?? 'en', viewer: anonymous, account: null, via: null } as unknown as App.Locals;
	return { request, url: new URL(request.url), locals } as RequestEvent;
}

const Thing = z.object({ name: z.string().min(3, 'name_too_short') });

describe('api()', () => {
	it('passes a handler’s response through, with headers that keep callers apart in shared caches', async () => {
		const res = await api(() => Response.json({ ok: true }))(event('GET'));
		expect(res.status).toBe(200);
		expect(res.headers.get('vary')).toContain('Authorization');
		expect(res.headers.get('cache-control')).toBe('private, no-cache');
	});

	it.each([
		[new NotFoundError('gone'), 404, 'not-found'],
		[new ForbiddenError('no'), 403, 'forbidden'],
		[new ConflictError('taken', { slug: ['slug_taken'] }), 409, 'conflict']
	])('maps %s to problem+json', async (error, status, code) => {
		const res = await api(() => {
			throw error;
		})(event('GET', { lang: 'fr' }));
		expect(res.status).toBe(status);
		expect(res.headers.get('content-type')).toBe('application/problem+json');
		const body = await res.json();
		expect(body).toMatchObject({ type: `/problems/${code}`, status, instance: '/api/v1/things' });
		if (status === 409) expect(body.errors).toEqual({ slug: ['slug_taken'] });
	});

	it('answers 401 with WWW-Authenticate when an account is required', async () => {
		const res = await api(({ locals }) => {
			requireAccount(locals);
			return new Response();
		})(event('GET'));
		expect(res.status).toBe(401);
		expect(res.headers.get('www-authenticate')).toBe('Bearer');
	});

	it('refuses writes that are not JSON (415) before the handler runs; a write without a body needs no type', async () => {
		let ran = false;
		const handler = api(() => {
			ran = true;
			return new Response(null, { status: 204 });
		});
		for (const contentType of [undefined, 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
			const res = await handler(event('POST', { body: 'name=x', contentType }));
			expect(res.status, String(contentType)).toBe(415);
			expect((await res.json()).type).toBe('/problems/unsupported-media-type');
		}
		expect((await handler(event('DELETE', { body: 'x', contentType: 'text/plain' }))).status).toBe(415);
		expect(ran).toBe(false);
		expect((await handler(event('DELETE', { contentType: 'application/json; charset=utf-8' }))).status).toBe(204);
		// As `curl -X DELETE` sends it; a page on another site cannot, since hooks refuse untyped cross-site writes.
		expect((await handler(event('DELETE'))).status).toBe(204);
	});

	it('answers 400 for malformed JSON and 422 with field errors for invalid JSON', async () => {
		const handler = api(async ({ request }) => Response.json(await readJson(request, Thing)));
		const malformed = await handler(event('POST', { body: '{"name":', contentType: 'application/json' }));
		expect(malformed.status).toBe(400);
		const invalid = await handler(event('POST', { body: '{"name":"x"}', contentType: 'application/json' }));
		expect(invalid.status).toBe(422);
		expect((await invalid.json()).errors).toEqual({ name: ['name_too_short'] });
		const fine = await handler(event('POST', { body: '{"name":"xyz","extra":1}', contentType: 'application/json' }));
		expect(await fine.json()).toEqual({ name: 'xyz' });
	});

	it('rethrows unknown errors so SvelteKit logs them and answers a bare 500', async () => {
		await expect(api(() => Promise.reject(new TypeError('bug')))(event('GET'))).rejects.toThrow(TypeError);
		// A SyntaxError from a bug is not the client's malformed JSON.
		await expect(api(() => Promise.reject(new SyntaxError('bug')))(event('GET'))).rejects.toThrow(SyntaxError);
	});
});

describe('helpers', () => {
	it('parses the query string with a schema', () => {
		const url = new URL('http://localhost/api/v1/things?limit=5&limit=7');
		expect(readQuery(url, z.object({ limit: z.coerce.number() }))).toEqual({ limit: 7 });
	});

	it('answers unknown paths and methods with problems', async () => {
		const notFound = unknownApiPath(event('POST', { contentType: 'text/plain' }));
		expect(notFound.status).toBe(404);
		const notAllowed = methodNotAllowed('GET, POST')(event('PUT'));
		expect(notAllowed.status).toBe(405);
		expect(notAllowed.headers.get('allow')).toBe('GET, POST');
		expect(notAllowed.headers.get('content-type')).toBe('application/problem+json');
	});
});
