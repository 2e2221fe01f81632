// Notebooks in a real browser: a host starts a notebook with three categories, invites a contributor who accepts on
// "My notes" and adds a note in a category, and a reader filters, sorts, opens the graph and downloads the export;
// the seed note's page shows its notebook as on the original.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, HOST, launch, MEMBER, open, openPage, signIn, t, visible } from './browser.ts';

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

it('curates a notebook with a contributor, and a reader filters it', async () => {
	const host = await signedInPage('fr', HOST.email);
	await open(host, '/fr/c/new');
	const title = `Carnet des ateliers ${stamp}`;
	await host.getByLabel(t('fr', 'editor_title'), { exact: true }).fill(title);
	await host.getByLabel(t('fr', 'notebook_field_list', { number: '1' })).fill('Atelier');
	await host.getByRole('button', { name: t('fr', 'notebook_new_submit') }).click();
	await visible(host.getByRole('heading', { name: title, level: 1 }));
	const notebookUrl = new URL(host.url()).pathname;

	// Categories are managed on the notebook's settings page.
	await host.getByRole('link', { name: t('fr', 'notebook_settings_link') }).click();
	await visible(host.getByRole('heading', { name: t('fr', 'notebook_settings_title', { title }), level: 1 }));
	for (const name of ['Comprendre', 'Explorer', 'Valider']) {
		await host.getByLabel(t('fr', 'notebook_new_category')).fill(name);
		await host.getByRole('button', { name: new RegExp(`^${t('fr', 'notebook_add_category')}`) }).click();
		await visible(host.getByLabel(t('fr', 'notebook_settings_category_name', { name })));
	}
	await open(host, notebookUrl);
	await visible(host.locator('.notebook-categories').getByRole('link', { name: 'Valider' }));
	// The host invites a contributor, who takes part only once they accept.
	await host.getByLabel(t('fr', 'notebook_invite_handle')).fill(MEMBER.handle);
	await host.getByRole('button', { name: t('fr', 'notebook_invite_submit'), exact: true }).click();
	await visible(host.getByText(t('fr', 'notebook_invited_notice', { name: MEMBER.name })));
	await visible(host.locator('.notebook-members').getByRole('button', { name: new RegExp(t('fr', 'notebook_invitation_withdraw')) }));
	await host.context().close();

	// The contributor accepts on "My notes", lands on the notebook, writes a note, then adds it under "Explorer".
	const alex = await signedInPage('en', MEMBER.email);
	await open(alex, '/en/notes');
	const invitation = alex.getByRole('listitem').filter({ hasText: title });
	await invitation.getByRole('button', { name: new RegExp(`^${t('en', 'my_notes_accept')}`) }).click();
	await visible(alex.getByText(t('en', 'notebook_joined_contributor')));
	expect(new URL(alex.url()).pathname).toBe(notebookUrl.replace('/fr/', '/en/'));
	await visible(alex.locator('.notebook-members').getByRole('link', { name: MEMBER.name }));
	const noteTitle = `Rooftop gardens ${stamp}`;
	await open(alex, '/en/n/new');
	await alex.getByLabel(t('en', 'editor_title'), { exact: true }).fill(noteTitle);
	await alex.getByRole('button', { name: t('en', 'editor_save_publish') }).click();
	await alex.waitForURL(/\?saved/);
	await open(alex, notebookUrl.replace('/fr/', '/en/'));
	await alex.getByLabel(t('en', 'notebook_find_note')).fill('rooftop');
	await alex.getByRole('button', { name: t('en', 'notebook_find'), exact: true }).click();
	await alex
		.getByLabel(t('en', 'notebook_category_in_list_for', { list: 'Atelier', title: noteTitle }))
		.selectOption({ label: 'Explorer' });
	await alex.getByRole('button', { name: new RegExp(`^${t('en', 'notebook_include')}`) }).click();
	await visible(alex.locator('.notebook-notes').getByRole('link', { name: noteTitle }));
	await alex.context().close();

	// A reader, signed out, filters by category and sorts by title.
	const reader = await openPage(browser, 'fr');
	await open(reader, notebookUrl);
	await reader.locator('.notebook-categories').getByRole('link', { name: 'Valider' }).click();
	await visible(reader.getByText(t('fr', 'notebook_no_match')));
	await reader.locator('.notebook-categories').getByRole('link', { name: 'Explorer' }).click();
	await visible(reader.locator('.notebook-notes').getByRole('link', { name: noteTitle }));
	await reader.getByLabel(t('fr', 'notebook_sort')).selectOption('title');
	await reader.getByRole('button', { name: t('fr', 'notebook_apply') }).click();
	await reader.waitForURL(/sort=title/);
	expect(new URL(reader.url()).searchParams.get('category')).not.toBeNull();
	await visible(reader.locator('.notebook-notes').getByRole('link', { name: noteTitle }));

	// The graph draws the notes as links to them, beside a list that says the same.
	await reader.getByRole('link', { name: t('fr', 'notebook_graph_link') }).click();
	await visible(reader.locator('svg.note-graph a.node'));
	expect(await reader.locator('svg.note-graph a.node').count()).toBe(1);
	await visible(reader.locator('.graph-list').getByRole('link', { name: noteTitle }));

	// The reader downloads the notebook as a Markdown vault, with the note in its category's folder.
	await open(reader, notebookUrl);
	const [download] = await Promise.all([
		reader.waitForEvent('download'),
		reader.getByRole('link', { name: t('fr', 'exchange_export_markdown') }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.zip$/);
	const files = Object.keys(unzipSync(new Uint8Array(readFileSync(await download.path()))));
	expect(files.some((f) => f.startsWith('Explorer/') && f.endsWith('.md'))).toBe(true);
	await reader.context().close();
});

it('shows the seed note in its notebook, with the inclusion facts of the original page', async () => {
	const page = await openPage(browser, 'fr');
	await open(page, '/fr/n/hyFh4E8AibDawZdxZGtAojyBHBY');
	const section = page.locator('.note-notebooks');
	await visible(section.getByRole('link', { name: 'Analyse de soutenabilité des plateformes En commun' }));
	const text = await section.innerText();
	expect(text).toContain("Incluse par Marie-Soleil L'Allier, le 27 mai 2024");
	expect(text).toContain('Atelier 4 - Valider');
	await page.context().close();
});
