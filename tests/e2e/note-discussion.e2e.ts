// Notes in discussions in a real browser (issue 6): "Discuss this note" on the seed note leads to its thread in
// « En commun - soutien et développement », where the note shows as a card; its author shares it again with a few
// words, without JavaScript, and the count on the note page follows.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, HOST, launch, open, openPage, PUBLIC_COMMUNITY, signIn, t, visible } from './browser.ts';

const SEED_NOTE = 'hyFh4E8AibDawZdxZGtAojyBHBY';
const SEED_TITLE = "Atelier 4 - Présenter et rêver le modèle de soutenabilité d'En commun";
const COMMUNITY = 'En commun - soutien et développement';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

/** WCAG 2.1 A/AA violations of the page as it is, as a11y.e2e.ts reads them. */
async function violations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const countOf = (text: string) => Number(text.match(/(\d+) messages?/)?.[1] ?? NaN);

it('"Discuss this note" on the seed note opens its thread in « En commun - soutien et développement »', async () => {
	const reader = await openPage(browser, 'fr');
	await open(reader, `/fr/n/${SEED_NOTE}`);
	const section = reader.locator('section.note-discussion');
	await visible(section.getByRole('heading', { name: t('fr', 'discussion_note_heading'), level: 2 }));
	const before = countOf(await section.innerText());
	expect(before).toBeGreaterThanOrEqual(3);

	await section.getByRole('link', { name: t('fr', 'discussion_note_open', { community: COMMUNITY }) }).click();
	await reader.waitForURL((url) => url.pathname.includes('/t/'));
	expect(new URL(reader.url()).pathname).toMatch(new RegExp(`^/fr/g/${PUBLIC_COMMUNITY}/t/[A-Za-z0-9_-]+$`));
	// The thread is named after the note, which everyone who reads it may see.
	await visible(reader.getByRole('heading', { name: SEED_TITLE, level: 1 }));
	const card = reader.getByRole('complementary', { name: t('fr', 'discussion_note_card_label') }).first();
	await visible(card.getByRole('link', { name: SEED_TITLE }));
	await visible(reader.getByText('Voici le compte rendu de l’atelier 4', { exact: false }));
	const threadPath = new URL(reader.url()).pathname;
	expect(await violations(reader)).toEqual([]);

	// Its author shares it again, with a few words, in a browser without JavaScript.
	const author = await openPage(browser, 'fr', { javaScriptEnabled: false });
	await signIn(author, 'fr', HOST.email, DEMO_PASSWORD);
	await author.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
	await open(author, `/fr/n/${SEED_NOTE}`);
	await author.getByText(t('fr', 'discussion_note_share', { community: COMMUNITY })).click();
	const words = `Version relue après l’atelier, bonne lecture! ${Date.now().toString(36)}`;
	await author.getByLabel(t('fr', 'discussion_note_share_comment')).fill(words);
	await author.getByRole('button', { name: t('fr', 'discussion_note_share_send') }).click();
	await visible(author.getByText(words));
	expect(new URL(author.url()).pathname).toBe(threadPath);
	// The new message carries a card of the note too.
	const shared = author.locator('article.message').filter({ hasText: words });
	await visible(shared.getByRole('complementary', { name: t('fr', 'discussion_note_card_label') }));

	// The page a refused share comes back to is accessible too: here, a comment over the limit keeps its text.
	const page = await openPage(browser, 'fr');
	await signIn(page, 'fr', HOST.email, DEMO_PASSWORD);
	await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
	await open(page, `/fr/n/${SEED_NOTE}`);
	await page.getByText(t('fr', 'discussion_note_share', { community: COMMUNITY })).click();
	await page.getByLabel(t('fr', 'discussion_note_share_comment')).fill('x'.repeat(20_001));
	await page.getByRole('button', { name: t('fr', 'discussion_note_share_send') }).click();
	await visible(page.getByRole('heading', { name: t('fr', 'discussion_note_page_title', { title: SEED_TITLE }), level: 1 }));
	expect((await page.getByLabel(t('fr', 'discussion_note_share_comment')).inputValue()).length).toBe(20_001);
	expect(await violations(page)).toEqual([]);
	await page.context().close();

	// The note page counts it (the anonymous page was emptied from the cache by the write).
	await open(reader, `/fr/n/${SEED_NOTE}`);
	expect(countOf(await reader.locator('section.note-discussion').innerText())).toBe(before + 1);
	await reader.context().close();
	await author.context().close();
});
