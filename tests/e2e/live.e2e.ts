// Issue 6, done means: in two browser contexts one member posts and the other sees it appear live. Alex reads a
// thread he started; Marie-Soleil replies in her own browser; the reply appears on Alex's page without a reload,
// and his bell counts the notification of it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, HOST, launch, MEMBER, open, openPage, PUBLIC_COMMUNITY, signIn, t, visible } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

const stamp = Date.now().toString(36);

async function signedInPage(lang: 'fr' | 'en', email: string): Promise<Page> {
	const page = await openPage(browser, lang);
	await signIn(page, lang, email, DEMO_PASSWORD);
	await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
	return page;
}

const bellCount = (page: Page) => page.locator('[data-notification-bell]').getAttribute('data-unread').then(Number);

it('shows a reply posted in another browser without reloading, and counts it on the bell', async () => {
	const alex = await signedInPage('en', MEMBER.email);
	// Alex starts a thread (through the API, with his session), then reads it.
	const started = await alex.request.post(`/api/v1/communities/${PUBLIC_COMMUNITY}/threads`, {
		data: { title: `Live ${stamp}`, body: `Who is around for the workshop ${stamp}?` },
		headers: { origin: new URL(alex.url()).origin }
	});
	expect(started.status()).toBe(201);
	const threadId: string = (await started.json()).id;
	const threadPath = `/g/${PUBLIC_COMMUNITY}/t/${threadId}`;
	await open(alex, `/en${threadPath}`);
	await visible(alex.getByRole('heading', { name: `Live ${stamp}`, level: 1 }));
	// The page's live stream is open before anyone writes.
	await alex.locator('html[data-live="open"]').waitFor({ state: 'attached' });
	await alex.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
	const unreadBefore = await bellCount(alex);

	// Marie-Soleil replies from her own browser, with the page's form.
	const host = await signedInPage('fr', HOST.email);
	await open(host, `/fr${threadPath}`);
	const reply = `Je serai là, apportez vos questions ${stamp}`;
	await host.getByLabel(t('fr', 'discussion_reply_thread_label')).fill(reply);
	await host.getByRole('button', { name: t('fr', 'discussion_send_reply') }).click();
	await visible(host.getByText(reply));

	// On Alex's page, without a reload: the reply, and the bell one higher.
	await visible(alex.getByText(reply));
	expect(await alex.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
	await alex.waitForFunction(
		(before) => Number(document.querySelector('[data-notification-bell]')?.getAttribute('data-unread')) > before,
		unreadBefore
	);
	await host.context().close();
	await alex.context().close();
});

it('shows a direct message sent from another browser without reloading', async () => {
	const host = await signedInPage('fr', HOST.email);
	const origin = new URL(host.url()).origin;
	const first = await host.request.post('/api/v1/conversations', {
		data: { handles: [MEMBER.handle], body: `Bonjour Alex ${stamp}` },
		headers: { origin }
	});
	expect([200, 201]).toContain(first.status());
	const conversationId: string = (await first.json()).id;

	const alex = await signedInPage('en', MEMBER.email);
	await open(alex, `/en/messages/${conversationId}`);
	await visible(alex.getByText(`Bonjour Alex ${stamp}`));
	await alex.locator('html[data-live="open"]').waitFor({ state: 'attached' });
	await alex.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

	const second = `Une suite, en direct ${stamp}`;
	const sent = await host.request.post(`/api/v1/conversations/${conversationId}/messages`, { data: { body: second }, headers: { origin } });
	expect(sent.status()).toBe(201);
	await visible(alex.getByText(second));
	expect(await alex.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

	// Elsewhere on the site, the header's "Messages" counts a new one without reloading.
	await open(alex, '/en/glossary');
	await alex.locator('html[data-live="open"]').waitFor({ state: 'attached' });
	await alex.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
	// Other files of the suite may have left Alex unread messages elsewhere: one more than now.
	const badge = alex.locator('.nav-messages .badge');
	const before = (await badge.count()) ? Number(await badge.textContent()) : 0;
	const third = await host.request.post(`/api/v1/conversations/${conversationId}/messages`, {
		data: { body: `Encore une ${stamp}` },
		headers: { origin }
	});
	expect(third.status()).toBe(201);
	await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe(String(before + 1));
	expect(await alex.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
	await host.context().close();
	await alex.context().close();
});
