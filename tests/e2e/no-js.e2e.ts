// Without JavaScript, forms still work: sign in with a plain form post and see your name in the header.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { accountLink, DEMO_PASSWORD, launch, MEMBER, openPage, signIn, t, visible } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

it('signs in with JavaScript disabled', async () => {
	const page = await openPage(browser, 'en', { javaScriptEnabled: false });
	await signIn(page, 'en', MEMBER.email, DEMO_PASSWORD);
	await visible(accountLink(page, 'en', MEMBER.name));
	expect(new URL(page.url()).pathname).toBe('/en');
	await page.context().close();
});

it('writes a glossary term, previews it and publishes it with JavaScript disabled', async () => {
	const page = await openPage(browser, 'fr', { javaScriptEnabled: false });
	await signIn(page, 'fr', MEMBER.email, DEMO_PASSWORD);
	await visible(accountLink(page, 'fr', MEMBER.name));
	await page.goto('/fr/n/new');
	// No toolbar without scripts: the plain textarea is the editor.
	expect(await page.getByRole('toolbar').count()).toBe(0);
	await page.getByLabel(t('fr', 'note_type_term'), { exact: true }).check();
	// The term's own fields appear once the type is chosen, by CSS alone.
	await visible(page.getByLabel(t('fr', 'editor_term_definition')));
	const title = `Tiers-lieu ${Date.now().toString(36)}`;
	await page.getByLabel(t('fr', 'editor_title'), { exact: true }).fill(title);
	await page.getByLabel(t('fr', 'editor_term_definition')).fill('Un espace partagé entre la maison et le travail.');
	await page.getByLabel(t('fr', 'editor_term_synonyms')).fill('troisième lieu\nthird place');
	await page.getByLabel(t('fr', 'editor_body'), { exact: true }).fill('Un **lieu** hybride.');
	await page.getByRole('button', { name: t('fr', 'editor_preview') }).click();
	await visible(page.locator('.note-preview strong', { hasText: 'lieu' }));
	// The preview kept everything typed.
	expect(await page.getByLabel(t('fr', 'editor_term_definition')).inputValue()).toBe('Un espace partagé entre la maison et le travail.');
	await page.getByRole('button', { name: t('fr', 'editor_save_publish') }).click();
	await visible(page.getByRole('heading', { name: title, level: 1 }));
	await visible(page.getByText('troisième lieu, third place'));
	expect(await page.locator('.badge.draft').count()).toBe(0);
	await page.context().close();
});
