// Language routing, security headers, CSRF and API errors, over real HTTP against the built app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { client } from './client.ts';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, app.url), { redirect: 'manual', headers });

describe('language routing', () => {
	it.each([
		['fr-CA,fr;q=0.9,en;q=0.8', '/fr'],
		['fr', '/fr'],
		['en-US,en;q=0.9', '/en'],
		['de-DE,de;q=0.9', '/en'],
		['', '/en']
	])('redirects / with Accept-Language %j to %s', async (acceptLanguage, target) => {
		const res = await get('/', acceptLanguage ? { 'accept-language': acceptLanguage } : {});
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe(target);
		// A shared cache must not hand the French redirect to an English reader.
		expect(res.headers.get('vary') ?? '').toMatch(/accept-language/i);
	});

	it('redirects an unprefixed page path, keeping its query', async () => {
		const fr = await get('/sign-in?next=%2Ffr%2Fg', { 'accept-language': 'fr-CA' });
		expect(fr.status).toBe(302);
		expect(fr.headers.get('location')).toBe('/fr/sign-in?next=%2Ffr%2Fg');
		const en = await get('/g/bibliotheques-tiers-lieux', { 'accept-language': 'en' });
		expect(en.status).toBe(302);
		expect(en.headers.get('location')).toBe('/en/g/bibliotheques-tiers-lieux');
	});

	it.each(['fr', 'en'])('serves /%s pages with <html lang> set to the page language', async (lang) => {
		for (const path of [`/${lang}`, `/${lang}/sign-in`]) {
			const res = await get(path, { 'accept-language': lang === 'fr' ? 'en' : 'fr' });
			expect(res.status, path).toBe(200);
			expect(await res.text(), path).toMatch(new RegExp(`<html[^>]*\\slang="${lang}"`));
		}
	});
});

describe('security headers', () => {
	it.each(['/', '/fr', '/en/sign-in', '/api/v1/notes/unknown'])('are sent on %s', async (path) => {
		const res = await get(path);
		expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	});

	it('keeps scripts to our own origin on pages', async () => {
		const csp = (await get('/fr')).headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self'/);
		expect(csp).not.toMatch(/unsafe-eval/);
	});
});

describe('CSRF', () => {
	it('refuses a form post from another origin with 403', async () => {
		const res = await client(app.url).postForm(
			'/fr/sign-in',
			{ email: 'marie-soleil@commonplace.localhost', password: 'commonplace-demo' },
			{ origin: 'https://evil.example' }
		);
		expect(res.status).toBe(403);
		expect(res.headers.getSetCookie()).toEqual([]);
	});
});

describe('API errors', () => {
	it('answers an unknown note with 404 problem+json', async () => {
		const res = await get('/api/v1/notes/unknown', { accept: 'application/json' });
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		const body = (await res.json()) as { status: number; title: string; type: string };
		expect(body.status).toBe(404);
		expect(body.title).toBeTruthy();
		expect(body.type).toBeTruthy();
	});
});
