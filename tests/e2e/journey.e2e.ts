// The journey in a real browser: sign up, verify from the mailed link, sign in, edit the profile in French
// and in English, join the public community, ask to join the closed one, get approved by its host, sign out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
	accountLink,
	open,
	CLOSED_COMMUNITY,
	DEMO_PASSWORD,
	HOST,
	launch,
	mailedLink,
	openPage,
	PUBLIC_COMMUNITY,
	signIn,
	t,
	visible
} from './browser.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

const stamp = Date.now().toString(36);
const person = {
	email: `ines-${stamp}@example.org`,
	password: 'un jardin partagé au printemps',
	handle: `ines-${stamp}`,
	name: 'Inès Gagnon'
};
const renamed = 'Inès Gagnon-Roy';

it('takes a newcomer from sign-up to an approved membership, in French and English', async () => {
	const page = await openPage(browser, 'fr');

	// Sign up.
	await open(page, '/fr/sign-up');
	await page.getByLabel(t('fr', 'sign_up_display_name')).fill(person.name);
	await page.getByLabel(t('fr', 'sign_up_handle')).fill(person.handle);
	await page.getByLabel(t('fr', 'field_email')).fill(person.email);
	await page.getByLabel(t('fr', 'field_password'), { exact: true }).fill(person.password);
	await page.getByRole('button', { name: t('fr', 'sign_up_submit') }).click();
	await visible(page.getByRole('heading', { name: t('fr', 'sign_up_sent_title') }));

	// Verify from the link, opened elsewhere (a mail app), then sign in here.
	const link = await mailedLink(person.email);
	const mailApp = await openPage(browser, 'fr');
	await open(mailApp, link);
	await visible(mailApp.getByRole('heading', { name: t('fr', 'welcome_greeting', { name: person.name }) }));
	await mailApp.context().close();

	await signIn(page, 'fr', person.email, person.password);
	await visible(accountLink(page, 'fr', person.name));

	// Profile in French, then in English.
	await open(page, '/fr/settings/profile');
	await page.getByLabel(t('fr', 'settings_profile_pronouns_label')).fill('elle');
	await page.getByLabel(t('fr', 'settings_profile_organisation_label')).fill('Bibliothèque de Verdun');
	await page.getByLabel(t('fr', 'settings_profile_bio_label')).fill('Anime des ateliers de savoirs partagés.');
	await page.getByRole('button', { name: t('fr', 'settings_profile_submit') }).click();
	await visible(page.getByRole('status').filter({ hasText: t('fr', 'settings_profile_saved') }));

	await open(page, '/en/settings/profile');
	expect(await page.getByLabel(t('en', 'settings_profile_organisation_label')).inputValue()).toBe('Bibliothèque de Verdun');
	await page.getByLabel(t('en', 'settings_profile_display_name_label')).fill(renamed);
	await page.getByRole('radio', { name: 'English' }).check();
	await page.getByRole('button', { name: t('en', 'settings_profile_submit') }).click();
	await visible(page.getByRole('status').filter({ hasText: t('en', 'settings_profile_saved') }));
	await visible(accountLink(page, 'en', renamed));

	await open(page, `/en/u/${person.handle}`);
	await visible(page.getByRole('heading', { name: renamed }));
	await visible(page.getByText('Bibliothèque de Verdun'));

	// Join the public community at once; ask to join the closed one.
	await open(page, `/fr/g/${PUBLIC_COMMUNITY}`);
	await page.getByRole('button', { name: t('fr', 'community_join') }).click();
	await visible(page.getByRole('status').filter({ hasText: t('fr', 'community_done_joined') }));
	await visible(page.getByText(t('fr', 'community_you_are_member')));

	await open(page, `/fr/g/${CLOSED_COMMUNITY}`);
	await page.getByRole('button', { name: t('fr', 'community_request') }).click();
	await visible(page.getByRole('status').filter({ hasText: t('fr', 'community_done_requested') }));

	// The host approves, in her own browser.
	const host = await openPage(browser, 'fr');
	await signIn(host, 'fr', HOST.email, DEMO_PASSWORD);
	await visible(accountLink(host, 'fr', HOST.name));
	await open(host, `/fr/g/${CLOSED_COMMUNITY}`);
	await host.getByRole('button', { name: t('fr', 'community_approve_label', { name: renamed }) }).click();
	await visible(host.getByRole('status').filter({ hasText: t('fr', 'community_done_approved', { name: renamed }) }));
	await host.context().close();

	await page.reload();
	await visible(page.getByText(t('fr', 'community_you_are_member')));

	// Sign out: the header offers to sign in again and settings ask for an account.
	await signOut(page);
	await open(page, '/fr/settings/profile');
	expect(new URL(page.url()).pathname).toBe('/fr/sign-in');
	await page.context().close();
});

async function signOut(page: Page) {
	await page.getByRole('button', { name: t('fr', 'layout_nav_sign_out') }).click();
	await visible(
		page.getByRole('navigation', { name: t('fr', 'layout_nav_label') }).getByRole('link', { name: t('fr', 'layout_nav_sign_in') })
	);
}
