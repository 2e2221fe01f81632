// Notebooks over real HTTP: the demo notebook of the reference page, the notebook page with its categories and
// filters, the API, and what a reader who may not see a notebook learns of it (nothing).
import { describe, expect, it } from 'vitest';
import { SEED_NOTE, SEED_NOTEBOOK, tag, useApp } from './client.ts';

const t = useApp();

describe('the demo notebook', () => {
	it('has a page with its category and the seed note, in both languages', async () => {
		for (const lang of ['fr', 'en']) {
			const res = await fetch(`${t.app.url}/${lang}/c/${SEED_NOTEBOOK}`);
			expect(res.status).toBe(200);
			const html = await res.text();
			expect(html).toContain('Analyse de soutenabilité des plateformes En commun');
			expect(html).toContain('Atelier 4 - Valider');
			expect(html).toContain(`href="/${lang}/n/${SEED_NOTE}"`);
			expect(html).toContain('href="/' + lang + '/g/en-commun-soutien-et-developpement"');
		}
	});

	it('answers the API with its categories and its notes with their inclusion facts', async () => {
		const nb = (await t.call(`/api/v1/notebooks/${SEED_NOTEBOOK}`)).body;
		expect(nb).toMatchObject({
			id: SEED_NOTEBOOK,
			noteCount: 1,
			community: { slug: 'en-commun-soutien-et-developpement' },
			categoryLists: [{ name: 'Atelier', categories: [{ name: 'Atelier 4 - Valider', noteCount: 1 }] }]
		});
		const notes = (await t.call(`/api/v1/notebooks/${SEED_NOTEBOOK}/notes?sort=title`)).body;
		expect(notes.items).toEqual([
			expect.objectContaining({
				id: SEED_NOTE,
				categories: [expect.objectContaining({ name: 'Atelier 4 - Valider' })],
				includedBy: { handle: 'marie-soleil', name: "Marie-Soleil L'Allier" },
				includedAt: '2024-05-27T16:10:00.000Z'
			})
		]);
		expect((await t.call(`/api/v1/notebooks/${SEED_NOTEBOOK}/notes?sort=sideways`)).status).toBe(422);
	});
});

describe('a new notebook', () => {
	it('is made, curated and filtered through the API and its page, and the note page follows at once', async () => {
		const made = await t.call('/api/v1/notebooks', {
			token: t.hostToken,
			method: 'POST',
			body: { title: `Carnet ${tag()}`, categoryLists: ['Thème'] }
		});
		expect(made.status).toBe(201);
		const id = made.body.id;
		const category = await t.call(`/api/v1/notebooks/${id}/categories`, {
			token: t.hostToken,
			method: 'POST',
			body: { name: 'Gouvernance' }
		});
		expect(category.status).toBe(201);
		const note = await t.call('/api/v1/notes', {
			token: t.hostToken,
			method: 'POST',
			body: { title: `Dans un carnet ${tag()}`, status: 'published' }
		});

		// The anonymous note page (cached) lists no notebook, then lists this one as soon as the note is included.
		const before = await (await fetch(`${t.app.url}/en/n/${note.body.id}`)).text();
		expect(before).toContain('This note is not in any notebook yet.');
		const included = await t.call(`/api/v1/notebooks/${id}/notes`, {
			token: t.hostToken,
			method: 'POST',
			body: { noteId: note.body.id, categoryIds: [category.body.id] }
		});
		expect(included.status).toBe(204);
		const after = await (await fetch(`${t.app.url}/en/n/${note.body.id}`)).text();
		expect(after).toContain(made.body.title);
		expect(after).toContain('Gouvernance');

		// Alex is no contributor: 403; the page filters by category with a plain GET.
		expect(
			(await t.call(`/api/v1/notebooks/${id}/notes`, { token: t.alexToken, method: 'POST', body: { noteId: note.body.id } })).status
		).toBe(403);
		const filtered = await (await fetch(`${t.app.url}/en/c/${id}?category=none`)).text();
		expect(filtered).toContain('No note matches these criteria.');
		const byCategory = await (await fetch(`${t.app.url}/en/c/${id}?category=${category.body.id}`)).text();
		expect(byCategory).toContain(note.body.title);

		// Managers curate from the settings page too.
		const added = await t.host.postForm(`/en/c/${id}/settings?/addCategory`, { list: '0', name: 'Financement' });
		expect(added.status).toBe(200);
		expect(await (await t.host.get(`/en/c/${id}`)).text()).toContain('Financement');
	});

	it('never shows a private notebook to others: page, API, note page, note JSON', async () => {
		const title = `Carnet privé ${tag()}`;
		const made = await t.call('/api/v1/notebooks', { token: t.hostToken, method: 'POST', body: { title, visibility: 'private' } });
		const id = made.body.id;
		await t.call(`/api/v1/notebooks/${id}/notes`, { token: t.hostToken, method: 'POST', body: { noteId: SEED_NOTE } });
		expect((await fetch(`${t.app.url}/en/c/${id}`)).status).toBe(404);
		expect((await t.call(`/api/v1/notebooks/${id}`)).status).toBe(404);
		expect((await t.call(`/api/v1/notebooks/${id}/notes`, { token: t.alexToken })).status).toBe(404);
		expect(await (await fetch(`${t.app.url}/en/n/${SEED_NOTE}`)).text()).not.toContain(title);
		expect(JSON.stringify((await t.call(`/api/v1/notes/${SEED_NOTE}`, { token: t.alexToken })).body)).not.toContain(title);
		expect(JSON.stringify((await t.call(`/api/v1/notes/${SEED_NOTE}`, { token: t.hostToken })).body)).toContain(title);
		expect((await t.host.get(`/en/c/${id}`)).status).toBe(200);
	});
});
