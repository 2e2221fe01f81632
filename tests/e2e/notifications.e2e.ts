// Notifications in a real browser: a member posts two threads in the public community, the host's bell counts them,
// the notifications page lists them, marking one and then all read lowers the bell to nothing; both pages pass axe.
import { AxeBuilder } from '@axe-core/playwright';
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

const bell = (page: Page) => page.locator('[data-notification-bell]');
const unread = async (page: Page) => Number(await bell(page).getAttribute('data-unread'));

async function axe(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

it('counts new threads on the bell, lists them, and marks them read', async () => {
	const host = await signedInPage('fr', HOST.email);
	const before = await host.request.post('/api/v1/notifications/read-all', { headers: { 'content-type': 'application/json' }, data: {} });
	expect(before.status()).toBe(204);

	const member = await signedInPage('fr', MEMBER.email);
	const titles = [`Corvée de jardin ${stamp}`, `Soupe populaire ${stamp}`];
	for (const title of titles) {
		const res = await member.request.post(`/api/v1/communities/${PUBLIC_COMMUNITY}/threads`, {
			headers: { 'content-type': 'application/json' },
			data: { title, body: `Qui vient ? ${title}` }
		});
		expect(res.status()).toBe(201);
	}
	await member.context().close();

	await open(host, '/fr');
	expect(await unread(host)).toBe(2);
	await visible(host.getByRole('link', { name: t('fr', 'notif_bell_unread', { count: '2' }) }));
	await host.getByRole('link', { name: t('fr', 'notif_bell_unread', { count: '2' }) }).click();
	await visible(host.getByRole('heading', { name: t('fr', 'notif_page_title'), level: 1 }));
	for (const title of titles) await visible(host.getByRole('link', { name: new RegExp(title) }));
	expect(await axe(host)).toEqual([]);

	// One read: the form posts (enhanced), the bell follows.
	const first = t('fr', 'notif_kind_thread', { actor: MEMBER.name, title: titles[1], community: 'En commun - soutien et développement' });
	await host.getByRole('button', { name: t('fr', 'notif_mark_read_label', { text: first }) }).click();
	await host.waitForFunction(() => document.querySelector('[data-notification-bell]')?.getAttribute('data-unread') === '1');
	await host.getByRole('button', { name: t('fr', 'notif_mark_all_read') }).click();
	await visible(host.getByRole('status').filter({ hasText: t('fr', 'notif_all_marked') }));
	expect(await unread(host)).toBe(0);
	expect(await bell(host).locator('[data-notification-count]').count()).toBe(0);
	await visible(host.getByRole('link', { name: t('fr', 'notif_bell_label'), exact: true }));

	// The thread link leads to the discussion.
	await host.getByRole('link', { name: new RegExp(titles[0]) }).click();
	await host.waitForURL(new RegExp(`/fr/g/${PUBLIC_COMMUNITY}/t/`));

	await open(host, '/fr/settings/notifications');
	await visible(host.getByRole('group', { name: 'En commun - soutien et développement' }));
	expect(await axe(host)).toEqual([]);
	await host.context().close();
});
