// Discussions in a real browser, with and without JavaScript: a member posts from the community page, opens the
// thread, replies to the message and to the thread (with a picture), and sees the replies in place.
import { AxeBuilder } from '@axe-core/playwright';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, HOST, launch, MEMBER, open, openPage, PUBLIC_COMMUNITY, signIn, t, visible } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

const stamp = Date.now().toString(36);
const picture = () =>
	sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 30, g: 120, b: 90 } } })
		.png()
		.toBuffer();

async function journey(page: Page, lang: 'en' | 'fr', label: string) {
	await signIn(page, lang, MEMBER.email, DEMO_PASSWORD);
	await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
	await open(page, `/${lang}/g/${PUBLIC_COMMUNITY}`);
	const text = `Question ${label} ${stamp} #entraide`;
	await page.getByLabel(t(lang, 'discussion_new_label')).fill(text);
	await page.getByRole('button', { name: t(lang, 'discussion_post'), exact: true }).click();
	await visible(page.getByText(t(lang, 'discussion_posted')));
	await page.getByRole('link', { name: text }).click();
	await visible(page.getByRole('heading', { name: text, level: 1 }));
	expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${lang}/g/${PUBLIC_COMMUNITY}/t/`));

	// A reply to the message, from its own folded form.
	const first = page.locator('article.message').first();
	await first.locator('summary', { hasText: t(lang, 'discussion_reply') }).click();
	await first.getByLabel(t(lang, 'discussion_reply_label')).fill(`Précision ${label} ${stamp}`);
	await first.getByRole('button', { name: t(lang, 'discussion_send_reply') }).click();
	await visible(page.locator('article.message.reply', { hasText: `Précision ${label} ${stamp}` }));

	// A reply to the thread, at the bottom, with a picture and its description.
	const reply = page.locator('form#reply');
	await reply.getByLabel(t(lang, 'discussion_reply_thread_label')).fill(`Merci ${label} ${stamp}`);
	await reply.locator('summary', { hasText: t(lang, 'discussion_files_summary') }).click();
	await reply
		.getByLabel(t(lang, 'discussion_files_label'))
		.setInputFiles({ name: 'tableau.png', mimeType: 'image/png', buffer: await picture() });
	await reply.getByLabel(t(lang, 'discussion_files_alt_label')).fill(`Le tableau ${label}`);
	await reply.getByRole('button', { name: t(lang, 'discussion_send_reply') }).click();
	const thanks = page.locator('article.message', { hasText: `Merci ${label} ${stamp}` });
	await visible(thanks);
	expect(await page.locator('article.message').count()).toBe(3);
	// The picture is served to the reader and drawn.
	const image = thanks.getByRole('img', { name: `Le tableau ${label}` });
	await visible(image);
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(32);
	// The hashtag links to its page, which lists the message.
	await page.getByRole('link', { name: '#entraide' }).first().click();
	await visible(page.getByText(`Question ${label} ${stamp}`));
}

it('a member posts from the community page and replies in the thread', async () => {
	const page = await openPage(browser, 'en');
	await journey(page, 'en', 'js');
	await page.context().close();
});

it('works without JavaScript too', async () => {
	const page = await openPage(browser, 'fr', { javaScriptEnabled: false });
	await journey(page, 'fr', 'nojs');
	await page.context().close();
});

it('has no WCAG 2.1 AA violation on the discussion pages, as a host who sees every action', async () => {
	const page = await openPage(browser, 'fr');
	await signIn(page, 'fr', HOST.email, DEMO_PASSWORD);
	await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
	await open(page, `/fr/g/${PUBLIC_COMMUNITY}`);
	const thread = await page.getByRole('link', { name: 'Bienvenue dans l’espace de discussion' }).getAttribute('href');
	const found: string[] = [];
	for (const path of [`/fr/g/${PUBLIC_COMMUNITY}`, thread!, `/fr/g/${PUBLIC_COMMUNITY}/reports`, '/fr/tags/bienvenue']) {
		const response = await open(page, path);
		expect(response?.status(), path).toBe(200);
		for (const details of await page.locator('details').all()) await details.evaluate((d) => d.setAttribute('open', ''));
		// The header's notification bell belongs to the notifications work (checked in a11y.e2e.ts): only ours here.
		const { violations } = await new AxeBuilder({ page })
			.exclude('.notif-bell')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		found.push(...violations.map((v) => `${path} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
	}
	expect(found).toEqual([]);
	await page.context().close();
});
