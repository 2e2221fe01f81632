// The search page in a real browser (issue 5): no WCAG 2.1 A/AA violation with results, facets, an empty search and
// no search, in both languages; suggestions as you type with JavaScript; searching and narrowing without it.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, open, openPage, t, visible, type Lang } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

async function violations(page: Page, path: string) {
	const response = await open(page, path);
	expect(response?.status(), path).toBe(200);
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(['fr', 'en'] as Lang[])('in %s', (lang) => {
	let page: Page;
	beforeAll(async () => {
		page = await openPage(browser, lang);
	});
	afterAll(() => page?.context().close());

	it.each([`/${lang}/search`, `/${lang}/search?q=soutenabilite`, `/${lang}/search?q=commun&sort=recent`, `/${lang}/search?q=qqqzzzxxx`])(
		'has no violations on %s',
		async (path) => {
			expect(await violations(page, path)).toEqual([]);
		}
	);
});

it('suggests titles as you type, then finds the note without its accents', async () => {
	const page = await openPage(browser, 'fr');
	await open(page, '/fr/search');
	const box = page.getByLabel(t('fr', 'search_input_label'));
	await box.pressSequentially('soutenab', { delay: 30 });
	await page.waitForFunction(() => document.querySelectorAll('#search-q-suggestions option').length > 0, undefined, { timeout: 10_000 });
	await box.fill('soutenabilite');
	await box.press('Enter');
	await page.waitForURL(/q=soutenabilite/);
	await visible(page.locator('.search-results mark').first());
	await page.context().close();
});

it('suggests titles in the header search box on any page', async () => {
	const page = await openPage(browser, 'en');
	await open(page, '/en/glossary');
	await page.locator('#site-search').pressSequentially('soutenab', { delay: 30 });
	await page.waitForFunction(() => document.querySelectorAll('#site-search-suggestions option').length > 0, undefined, { timeout: 10_000 });
	await page.context().close();
});

it('searches and narrows by a facet with JavaScript disabled', async () => {
	const page = await openPage(browser, 'en', { javaScriptEnabled: false });
	await open(page, '/en/search');
	await page.getByLabel(t('en', 'search_input_label')).fill('commun');
	await page.locator('.search-form button[type=submit]').click();
	await page.waitForURL(/q=commun/);
	const results = page.locator('.search-results > li');
	await visible(results.first());
	const before = await results.count();
	const facet = page.locator('.search-facets a').first();
	await facet.click();
	await page.waitForURL(/search\?.*q=commun&/);
	await visible(page.locator('.search-active a').first());
	expect(await results.count()).toBeLessThanOrEqual(before);
	await page.context().close();
});
