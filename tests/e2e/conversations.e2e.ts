// Direct messages in a real browser (issue 6, "Done means"): a member reads the seed note, follows "Contact the
// author", writes to Marie-Soleil L'Allier; she sees the unread count in her header, opens the conversation, reads
// the message and answers; the count is gone.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, HOST, launch, MEMBER, open, openPage, signIn, t, visible } from './browser.ts';

const SEED_NOTE = 'hyFh4E8AibDawZdxZGtAojyBHBY';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

async function signedInPage(lang: 'fr' | 'en', email: string): Promise<Page> {
	const page = await openPage(browser, lang);
	await signIn(page, lang, email, DEMO_PASSWORD);
	await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
	return page;
}

it('lets a member contact the author of the seed note, and she reads it', async () => {
	const text = `Merci pour ce compte rendu ${Date.now().toString(36)}`;
	const alex = await signedInPage('en', MEMBER.email);
	await open(alex, `/en/n/${SEED_NOTE}`);
	await alex.getByRole('link', { name: t('en', 'dm_contact_author') }).click();
	await visible(alex.getByRole('heading', { name: t('en', 'dm_contact_title'), level: 1 }));
	await visible(alex.getByText(HOST.name));
	await alex.getByLabel(t('en', 'dm_field_body'), { exact: true }).fill(`${text} **vraiment**`);
	await alex.getByRole('button', { name: t('en', 'dm_new_submit') }).click();
	await visible(alex.locator('.dm-messages').getByText(text));
	await visible(alex.locator('.dm-messages strong', { hasText: 'vraiment' }));
	const conversationPath = new URL(alex.url()).pathname;
	expect(conversationPath).toMatch(/^\/en\/messages\/[\w-]+$/);

	const marie = await signedInPage('fr', HOST.email);
	await open(marie, '/fr/messages');
	const badge = marie.locator('.nav-messages .badge');
	await visible(badge);
	expect(Number(await badge.innerText())).toBeGreaterThanOrEqual(1);
	await marie.getByRole('link', { name: MEMBER.name }).first().click();
	await visible(marie.locator('.dm-messages').getByText(text));
	expect(new URL(marie.url()).pathname).toBe(conversationPath.replace('/en/', '/fr/'));
	await visible(marie.locator('.dm-context').getByRole('link'));
	// Alex writes again while her page is open: it appears without reloading.
	await marie.locator('html[data-live="open"]').waitFor({ state: 'attached' });
	await alex.getByLabel(t('en', 'dm_field_body'), { exact: true }).fill('Et une question de plus');
	await alex.getByRole('button', { name: t('en', 'dm_send') }).click();
	await visible(alex.locator('.dm-messages').getByText('Et une question de plus'));
	await visible(marie.locator('.dm-messages').getByText('Et une question de plus'));
	await alex.context().close();
	// She answers from the same page; the field empties for the next message.
	await marie.getByLabel(t('fr', 'dm_field_body'), { exact: true }).fill('Avec plaisir, au prochain atelier !');
	await marie.getByRole('button', { name: t('fr', 'dm_send') }).click();
	await visible(marie.locator('.dm-messages').getByText('Avec plaisir, au prochain atelier !'));
	expect(await marie.getByLabel(t('fr', 'dm_field_body'), { exact: true }).inputValue()).toBe('');
	await open(marie, '/fr/messages');
	expect(await marie.locator('.nav-messages .badge').count()).toBe(0);
	// The new pages pass axe's WCAG 2.1 A/AA rules (tests/e2e/a11y.e2e.ts does the same for the others).
	for (const path of [
		'/fr/messages',
		conversationPath.replace('/en/', '/fr/'),
		`/fr/messages/new?note=${SEED_NOTE}`,
		'/fr/messages/new',
		'/fr/g?kind=territorial',
		'/fr/g/new'
	]) {
		expect((await open(marie, path))?.status(), path).toBe(200);
		// The notification bell belongs to the notifications work and is checked there.
		const { violations } = await new AxeBuilder({ page: marie })
			.exclude('.notif-bell')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	}
	await marie.context().close();
});
