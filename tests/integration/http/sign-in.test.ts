// Sign-in through the real form post: session cookie attributes, wrong passwords, rate limiting, sign-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { client, DEMO_PASSWORD, HOST_EMAIL } from './client.ts';

let app: RunningApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.stop());

const sessionCookie = (lines: string[]) => lines.find((l) => /session_token=/.test(l));

describe('sign-in form', () => {
	it('signs the demo host in with an HttpOnly, SameSite=Lax session cookie', async () => {
		const browser = client(app.url);
		const res = await browser.postForm('/fr/sign-in', { email: HOST_EMAIL, password: DEMO_PASSWORD });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/fr');
		const cookie = sessionCookie(res.headers.getSetCookie());
		expect(cookie).toBeDefined();
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
		expect(cookie).toMatch(/;\s*Path=\//i);

		const home = await browser.follow(res);
		expect(home.status).toBe(200);
		expect(await home.text()).toMatch(/Marie-Soleil L(&#39;|&#x27;|')Allier/);
	});

	it('answers a wrong password with 401, then 429 to repeated attempts, even with the right password', async () => {
		const browser = client(app.url);
		const attempt = (password: string) => browser.postForm('/en/sign-in', { email: 'alex@commonplace.localhost', password });
		const first = await attempt('not the password');
		expect(first.status).toBe(401);
		expect(await first.text()).not.toContain('not the password');
		const statuses = [first.status];
		for (let i = 0; i < 15 && statuses.at(-1) !== 429; i++) statuses.push((await attempt(`wrong ${i}`)).status);
		expect(statuses.at(-1)).toBe(429);
		expect(new Set(statuses)).toEqual(new Set([401, 429]));
		expect((await attempt(DEMO_PASSWORD)).status).toBe(429);
		expect(browser.cookies.size).toBe(0);
	});

	it('signs out with a form post and forgets the session', async () => {
		const browser = client(app.url);
		await browser.postForm('/en/sign-in', { email: 'admin@commonplace.localhost', password: DEMO_PASSWORD });
		expect([...browser.cookies.keys()].some((k) => k.includes('session_token'))).toBe(true);
		const out = await browser.postForm('/en/sign-out', {});
		expect(out.status).toBe(303);
		expect([...browser.cookies.keys()].some((k) => k.includes('session_token'))).toBe(false);
		const home = await (await browser.get('/en')).text();
		expect(home).toContain('href="/en/sign-in"');
	});
});
