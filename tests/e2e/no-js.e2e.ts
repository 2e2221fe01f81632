// Without JavaScript, forms still work: sign in with a plain form post and see your name in the header.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { accountLink, DEMO_PASSWORD, launch, MEMBER, openPage, signIn, visible } from './browser.ts';

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
