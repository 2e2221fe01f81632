// Chromium from Debian (never downloaded), the page language's message catalogue, and small journey steps.
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import en from '../../messages/en.json' with { type: 'json' };
import fr from '../../messages/fr.json' with { type: 'json' };

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = () => existsSync(CHROMIUM);

export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

export const appUrl = () => inject('appUrl');

/** A context on the app, in the given language, as a person's own browser. */
export async function openPage(browser: Browser, lang: Lang, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext({ baseURL: appUrl(), locale: lang === 'fr' ? 'fr-CA' : 'en-CA', ...options });
	context.setDefaultTimeout(15_000);
	return context.newPage();
}

export type Lang = 'fr' | 'en';
const catalogues: Record<Lang, Record<string, unknown>> = { fr, en };

/** The interface text of `key` in `lang`, so tests find elements by the names people see. */
export function t(lang: Lang, key: string, params: Record<string, string> = {}): string {
	const text = catalogues[lang][key];
	if (typeof text !== 'string') throw new Error(`No plain message ${key} in ${lang}.json`);
	return text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

/**
 * Waits until the locator is visible (playwright-core has no auto-retrying expect). On time-out, says where the
 * page was and what it showed, which is usually the reason (a form error, a redirect).
 */
export async function visible(locator: Locator): Promise<void> {
	try {
		await locator.first().waitFor({ state: 'visible' });
	} catch (e) {
		const page = locator.page();
		const main = await page
			.locator('main')
			.innerText({ timeout: 2_000 })
			.catch(() => '(no <main>)');
		throw new Error(`${(e as Error).message}\nPage: ${page.url()}\n--- <main> ---\n${main.slice(0, 1_500)}`, { cause: e });
	}
}

/**
 * Opens a page and waits until its scripts have loaded: typing into a form that is being hydrated can lose the
 * text, and a click can be swallowed.
 */
export async function open(page: Page, path: string) {
	const response = await page.goto(path, { waitUntil: 'networkidle' });
	return response;
}

export async function signIn(page: Page, lang: Lang, email: string, password: string) {
	await open(page, `/${lang}/sign-in`);
	await page.getByLabel(t(lang, 'field_email')).fill(email);
	await page.getByLabel(t(lang, 'field_password'), { exact: true }).fill(password);
	await page.getByRole('button', { name: t(lang, 'sign_in_submit') }).click();
}

/** The header link to the signed-in person's profile: proof of who the page thinks we are. */
export const accountLink = (page: Page, lang: Lang, name: string) =>
	page.getByRole('navigation', { name: t(lang, 'layout_nav_label') }).getByRole('link', { name, exact: true });

/** The verification link the app printed for `email` (no SMTP_URL: "[mail] to …" then "[mail] link: …"). */
export async function mailedLink(email: string, timeoutMs = 15_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const lines = readFileSync(inject('appLogFile'), 'utf8').split('\n');
		const at = lines.findLastIndex((l) => l.startsWith(`[mail] to ${email}:`));
		const link = at >= 0 && lines[at + 1]?.startsWith('[mail] link: ') ? lines[at + 1].slice('[mail] link: '.length) : undefined;
		if (link) return link.trim();
		if (Date.now() > deadline) throw new Error(`No mail link for ${email} in the app log:\n${lines.slice(-30).join('\n')}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

export const DEMO_PASSWORD = 'commonplace-demo';
export const HOST = { email: 'marie-soleil@commonplace.localhost', name: "Marie-Soleil L'Allier", handle: 'marie-soleil' };
export const MEMBER = { email: 'alex@commonplace.localhost', name: 'Alex Tremblay', handle: 'alex' };
export const PUBLIC_COMMUNITY = 'en-commun-soutien-et-developpement';
export const CLOSED_COMMUNITY = 'bibliotheques-tiers-lieux';
