// The notes issue's journey in a real browser: a person writes a note with the toolbar, links it to another note
// with the picker, uploads an image, invites two co-authors who accept, publishes under CC BY-SA, edits twice,
// compares revisions, restores the first and copies the APA citation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { DEMO_PASSWORD, HOST, launch, MEMBER, open, openPage, signIn, t, visible } from './browser.ts';

const ADMIN = { email: 'admin@commonplace.localhost', handle: 'admin-demo' };
const SEED_TITLE = 'Atelier 4 - Présenter et rêver';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

const stamp = Date.now().toString(36);
const title = `Jardins partagés ${stamp}`;

async function signInAs(page: Page, lang: 'en' | 'fr', email: string) {
	await signIn(page, lang, email, DEMO_PASSWORD);
	await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

async function acceptInvitation(lang: 'en' | 'fr', email: string) {
	const page = await openPage(browser, lang);
	await signInAs(page, lang, email);
	await open(page, `/${lang}/notes`);
	await visible(page.getByText(title));
	await page
		.getByRole('button', { name: t(lang, 'my_notes_accept') })
		.first()
		.click();
	await page.waitForURL(/\?joined/);
	await page.context().close();
}

async function save(page: Page, label: string) {
	await page.getByRole('button', { name: label, exact: true }).click();
	await page.waitForURL(/\/en\/n\/[^/]+\?saved/);
}

it('writes, shares, revises and cites a note', async () => {
	const page = await openPage(browser, 'en', { permissions: ['clipboard-read', 'clipboard-write'] });
	// A script error (a render that fails in the browser only) must fail the journey, not pass for a slow page.
	const scriptErrors: string[] = [];
	page.on('pageerror', (e) => scriptErrors.push(e.message));
	page.on('console', (msg) => msg.type() === 'error' && !msg.text().startsWith('Failed to load resource') && scriptErrors.push(msg.text()));
	await signInAs(page, 'en', MEMBER.email);
	await open(page, '/en/n/new');

	await page.getByLabel(t('en', 'editor_title'), { exact: true }).fill(title);
	const body = page.getByLabel(t('en', 'editor_body'), { exact: true });
	await body.fill('Nos apprentissages');
	await body.selectText();
	const toolbar = page.getByRole('toolbar', { name: t('en', 'editor_toolbar_label') });
	await toolbar.getByRole('button', { name: t('en', 'editor_toolbar_heading') }).click();
	await body.press('End');
	await body.press('Enter');
	await body.press('Enter');
	await body.pressSequentially('Voir ');

	// The picker links a note by its title.
	await toolbar.getByRole('button', { name: t('en', 'editor_toolbar_note_link') }).click();
	const picker = page.getByRole('dialog', { name: t('en', 'editor_toolbar_note_link') });
	await picker.getByLabel(t('en', 'editor_note_search')).fill('soutenabilite');
	await picker.getByRole('button', { name: new RegExp(SEED_TITLE) }).click();
	expect(await body.inputValue()).toMatch(/^## Nos apprentissages\n\nVoir \[\[id:hyFh4E8AibDawZdxZGtAojyBHBY\|Atelier 4/);

	await page.getByLabel(/CC BY-SA 4.0/).check();
	await save(page, t('en', 'editor_create'));
	const noteUrl = new URL(page.url());
	const id = noteUrl.pathname.split('/').pop()!;
	await visible(page.getByRole('heading', { name: title, level: 1 }));

	// Co-authors, invited from the edit page, accept from their own "My notes".
	await page.getByRole('link', { name: t('en', 'note_edit') }).click();
	for (const [i, handle] of [HOST.handle, ADMIN.handle].entries()) {
		await page.getByLabel(t('en', 'editor_invite_label')).fill(handle);
		await page.getByRole('button', { name: t('en', 'editor_invite_submit') }).click();
		await visible(page.locator('.authors-panel li').nth(i + 1));
	}
	await acceptInvitation('en', HOST.email);
	await acceptInvitation('fr', ADMIN.email);

	// An image, uploaded from the toolbar with its alt text, lands in the text.
	await open(page, `/en/n/${id}/edit`);
	const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#1f5f4a' } })
		.png()
		.toBuffer();
	await page
		.getByRole('toolbar', { name: t('en', 'editor_toolbar_label') })
		.getByRole('button', { name: t('en', 'editor_toolbar_file') })
		.click();
	const upload = page.getByRole('dialog', { name: t('en', 'editor_toolbar_file') });
	await upload.getByLabel(t('en', 'editor_file_choose')).setInputFiles({ name: 'jardin.png', mimeType: 'image/png', buffer: png });
	await upload.getByLabel(t('en', 'editor_file_alt')).fill('Un potager sur un toit');
	await upload.getByRole('button', { name: t('en', 'editor_file_upload') }).click();
	await page.waitForFunction(() => (document.querySelector('#field-body') as HTMLTextAreaElement).value.includes('/files/'));
	await page.getByRole('button', { name: t('en', 'editor_save_publish') }).click();
	await page.waitForURL(/\?saved/);

	const article = page.locator('article.note');
	await visible(article.getByRole('img', { name: 'Un potager sur un toit' }));
	await visible(article.getByRole('link', { name: new RegExp(SEED_TITLE) }).first());
	const byline = await page.locator('.note-byline').innerText();
	expect(byline).toContain(HOST.name);
	expect(byline).toContain('Alex Tremblay');
	await visible(page.locator('.note-facts').getByText('CC BY-SA 4.0'));

	// Two more edits.
	for (const [n, text] of [
		[1, 'Première précision.'],
		[2, 'Seconde précision.']
	] as const) {
		await open(page, `/en/n/${id}/edit`);
		await page.getByLabel(t('en', 'editor_body'), { exact: true }).press('End');
		await page.keyboard.press('Control+End');
		await page.keyboard.type(`\n\n${text}`);
		await page.getByLabel(t('en', 'editor_message')).fill(`édition ${n}`);
		await save(page, t('en', 'editor_save'));
		await visible(page.locator('.note-body').getByText(text));
	}

	// Compare the first revision with the last, then restore the first.
	await page.getByRole('link', { name: t('en', 'note_history_link') }).click();
	await page.locator('input[name="from"]').last().check();
	await page.locator('input[name="to"]').first().check();
	await page.getByRole('button', { name: t('en', 'note_history_compare') }).click();
	await visible(page.locator('.diff ins').first());
	await open(page, `/en/n/${id}/history`);
	await page.getByRole('button', { name: t('en', 'note_history_restore', { number: '1' }) }).click();
	await page.waitForURL(/restored/);
	await open(page, `/en/n/${id}`);
	const restoredBody = await page.locator('.note-body').innerText();
	expect(restoredBody).toContain('Nos apprentissages');
	expect(restoredBody).not.toContain('Première précision.');

	// The backlink shows on the linked note.
	await open(page, '/en/n/hyFh4E8AibDawZdxZGtAojyBHBY');
	await visible(page.locator('#backlinks-title + ul').getByRole('link', { name: title }));

	// Copy the APA citation.
	await open(page, `/en/n/${id}`);
	await page.getByRole('button', { name: t('en', 'note_cite_copy', { format: 'APA 7' }) }).click();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toContain(title);
	expect(copied).toMatch(/Tremblay, A\., L’Allier, M\.-S\., /);
	expect(scriptErrors).toEqual([]);
	await page.context().close();
});
