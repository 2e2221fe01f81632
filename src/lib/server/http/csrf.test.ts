// The cross-site write rule that replaces SvelteKit's (csrf.ts): the same refusals, and API calls with a token pass.
import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSiteWrite } from './csrf.ts';

const ORIGIN = 'https://commonplace.example';
const check = (method: string, path: string, headers: Record<string, string> = {}) =>
	isForbiddenCrossSiteWrite(new Request(`${ORIGIN}${path}`, { method, headers }), new URL(`${ORIGIN}${path}`));

describe('isForbiddenCrossSiteWrite', () => {
	it('refuses form-typed or untyped writes from another origin, or from none, as SvelteKit does', () => {
		for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'TEXT/PLAIN'])
			expect(check('POST', '/fr/c/x?/include', { 'content-type': type, origin: 'https://evil.example' }), type).toBe(true);
		expect(check('DELETE', '/api/v1/notes/x', { origin: 'https://evil.example' })).toBe(true);
		expect(check('PUT', '/api/v1/notebooks/x/cover', { 'content-type': 'multipart/form-data; boundary=x' })).toBe(true);
		expect(check('POST', '/fr/sign-in', { 'content-type': 'application/x-sveltekit-formdata' })).toBe(true);
	});

	it('lets through reads, our own origin, and bodies a browser cannot send cross-site without a preflight', () => {
		expect(check('GET', '/fr/notes')).toBe(false);
		expect(check('POST', '/fr/c/x?/include', { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN })).toBe(false);
		expect(check('POST', '/api/v1/notes', { 'content-type': 'application/json' })).toBe(false);
		expect(check('PUT', '/api/v1/notebooks/x/cover', { 'content-type': 'application/octet-stream' })).toBe(false);
	});

	it('lets a bearer token write to the API and files without an origin, but not to pages', () => {
		const token = { authorization: 'Bearer cp_abc' };
		expect(check('DELETE', '/api/v1/notebooks/x', token)).toBe(false);
		expect(check('PUT', '/api/v1/notebooks/x/cover', { ...token, 'content-type': 'multipart/form-data; boundary=x' })).toBe(false);
		expect(check('POST', '/fr/c/x?/include', { ...token, 'content-type': 'application/x-www-form-urlencoded' })).toBe(true);
		expect(check('DELETE', '/api/v1/notebooks/x', { authorization: 'Basic abc' })).toBe(true);
		expect(check('DELETE', '/api/v1/notebooks/x', { authorization: 'Bearer' })).toBe(true);
	});

	it('lets a mail client POST the one-click unsubscribe (RFC 8058) and nothing beside it', () => {
		const oneClick = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(check('POST', '/fr/unsubscribe/YWNjOio.abc_DEF-123', oneClick)).toBe(false);
		expect(
			check('POST', '/en/unsubscribe/YWNjOio.abc', { 'content-type': 'multipart/form-data; boundary=x', origin: 'https://mail.example' })
		).toBe(false);
		expect(check('POST', '/fr/unsubscribe/YWNjOio.abc?/other', oneClick)).toBe(true);
		expect(check('PUT', '/fr/unsubscribe/YWNjOio.abc', oneClick)).toBe(true);
		expect(check('POST', '/fr/unsubscribe/YWNjOio.abc/more', oneClick)).toBe(true);
		expect(check('POST', '/fr/unsubscribe', oneClick)).toBe(true);
		expect(check('POST', '/de/unsubscribe/YWNjOio.abc', oneClick)).toBe(true);
		expect(check('POST', '/fr/settings/notifications', oneClick)).toBe(true);
	});
});
