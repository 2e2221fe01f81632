// axe-core finds no WCAG 2.1 A/AA violation on the main pages, in both languages, signed out and as a host.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
	accountLink,
	open,
	visible,
	CLOSED_COMMUNITY,
	DEMO_PASSWORD,
	HOST,
	launch,
	openPage,
	PUBLIC_COMMUNITY,
	signIn,
	type Lang
} from './browser.ts';

// The Praxis note of the demo content, under its original id.
const SEED_NOTE = 'hyFh4E8AibDawZdxZGtAojyBHBY';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

async function violations(page: Page, path: string) {
	const response = await open(page, path);
	expect(response?.status(), path).toBe(200);
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	// Readable failures: rule, impact and the offending elements.
	return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(['fr', 'en'] as Lang[])('in %s', (lang) => {
	// One page per language and state: a new context per URL only costs time.
	let anonymous: Page;
	let host: Page;
	beforeAll(async () => {
		anonymous = await openPage(browser, lang);
		host = await openPage(browser, lang);
		await signIn(host, lang, HOST.email, DEMO_PASSWORD);
		await visible(accountLink(host, lang, HOST.name));
	});
	afterAll(async () => {
		await anonymous?.context().close();
		await host?.context().close();
	});

	it.each([
		`/${lang}`,
		`/${lang}/sign-in`,
		`/${lang}/sign-up`,
		`/${lang}/u/${HOST.handle}`,
		`/${lang}/g/${PUBLIC_COMMUNITY}`,
		`/${lang}/n/${SEED_NOTE}`,
		`/${lang}/n/${SEED_NOTE}/history`,
		`/${lang}/glossary`,
		`/${lang}/glossary?letter=E`,
		`/${lang}/directory`,
		`/${lang}/directory?region=Montr%C3%A9al`,
		`/${lang}/c/Xk3v9QmT2pLw7RbN`,
		`/${lang}/c/Xk3v9QmT2pLw7RbN/graph`,
		`/${lang}/kb`,
		`/${lang}/kb/Sv4rPq8LmN2tXc6W`,
		`/${lang}/kb/Sv4rPq8LmN2tXc6W/export.html`
	])('has no violations on %s', async (path) => {
		expect(await violations(anonymous, path)).toEqual([]);
	});

	it.each([
		`/${lang}/g/${CLOSED_COMMUNITY}`,
		`/${lang}/g/${CLOSED_COMMUNITY}/edit`,
		`/${lang}/settings/profile`,
		`/${lang}/notes`,
		`/${lang}/n/new?type=term`,
		`/${lang}/n/${SEED_NOTE}`,
		`/${lang}/n/${SEED_NOTE}/edit`,
		`/${lang}/c/new`,
		`/${lang}/kb/new`,
		`/${lang}/c/Xk3v9QmT2pLw7RbN?find=atelier`,
		`/${lang}/c/Xk3v9QmT2pLw7RbN/settings`
	])('has no violations on %s as its host', async (path) => {
		expect(await violations(host, path)).toEqual([]);
	});

	it.each([
		[`/${lang}/g/${CLOSED_COMMUNITY}/edit`, '.community-edit form button[type="submit"]'],
		[`/${lang}/c/Xk3v9QmT2pLw7RbN/settings`, 'section[aria-labelledby="general-title"] form button[type="submit"]']
	])('has no violations when another save came first on %s', async (path, submit) => {
		await open(host, path);
		// The same host saves the form unchanged in another tab: a new version, the same content.
		const other = await host.context().newPage();
		await open(other, path);
		await other.locator(submit).click();
		await visible(other.locator('.notice[role="status"]'));
		await other.close();
		await host.locator(submit).click();
		await visible(host.locator('section.conflict'));
		const { violations } = await new AxeBuilder({ page: host }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});

	it('has no violations in the editor’s dialogs', async () => {
		await open(host, `/${lang}/n/${SEED_NOTE}/edit`);
		const toolbar = host.getByRole('toolbar');
		await toolbar.getByRole('button').nth(7).click();
		await visible(host.getByRole('dialog'));
		const { violations } = await new AxeBuilder({ page: host })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.include('dialog[open]')
			.analyze();
		expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
});
