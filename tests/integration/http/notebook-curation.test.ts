// Curating a notebook from its page, without JavaScript: categories in two lists, placing a note in each while
// including it, moving it between categories, and the reader's author and year filters.
import { describe, expect, it } from 'vitest';
import { client, tag, useApp } from './client.ts';

const t = useApp();
const categoriesOf = async (notebook: string, note: string) =>
	(await t.call(`/api/v1/notebooks/${notebook}/notes`, { token: t.hostToken })).body.items
		.find((n: { id: string }) => n.id === note)
		.categories.map((c: { list: number; name: string }) => `${c.list}:${c.name}`);

describe('the notebook page', () => {
	it('places a note in a category of each list and moves it between them, through plain forms', async () => {
		const nb = (
			await t.call('/api/v1/notebooks', {
				token: t.hostToken,
				method: 'POST',
				body: { title: `Carnet ${tag()}`, categoryLists: ['Thème', 'Région'] }
			})
		).body;
		const add = async (list: number, name: string) =>
			(await t.call(`/api/v1/notebooks/${nb.id}/categories`, { token: t.hostToken, method: 'POST', body: { list, name } })).body
				.id as string;
		const gouvernance = await add(0, 'Gouvernance');
		const financement = await add(0, 'Financement');
		const estrie = await add(1, 'Estrie');
		const note = (
			await t.call('/api/v1/notes', { token: t.hostToken, method: 'POST', body: { title: `À classer ${tag()}`, status: 'published' } })
		).body;

		// Both lists are offered when including, and the note lands in one category of each.
		const page = await (await t.host.get(`/fr/c/${nb.id}?find=${encodeURIComponent(note.title)}`)).text();
		expect(page).toContain(`name="category0"`);
		expect(page).toContain(`name="category1"`);
		expect(page).toMatch(/<h2 id="categories-title-1">Région<\/h2>/);
		const included = await t.host.postForm(`/fr/c/${nb.id}?/include`, { noteId: note.id, category0: gouvernance, category1: estrie });
		expect(included.status).toBe(200);
		expect(await categoriesOf(nb.id, note.id)).toEqual(['0:Gouvernance', '1:Estrie']);

		// Moving in one list leaves the other alone; the empty choice makes it uncategorised there.
		expect((await t.host.postForm(`/fr/c/${nb.id}?/setCategory`, { noteId: note.id, list: '0', categoryId: financement })).status).toBe(
			200
		);
		expect(await categoriesOf(nb.id, note.id)).toEqual(['0:Financement', '1:Estrie']);
		expect((await t.host.postForm(`/fr/c/${nb.id}?/setCategory`, { noteId: note.id, list: '1', categoryId: '' })).status).toBe(200);
		expect(await categoriesOf(nb.id, note.id)).toEqual(['0:Financement']);

		// A category of the other list is refused, with the page's error and nothing changed.
		const wrong = await t.host.postForm(`/fr/c/${nb.id}?/setCategory`, { noteId: note.id, list: '0', categoryId: estrie });
		expect(wrong.status).toBe(422);
		expect(await categoriesOf(nb.id, note.id)).toEqual(['0:Financement']);
		// The same form sent by a page on another site, with the manager's cookie, is refused before it is read.
		const forged = await t.host.postForm(
			`/fr/c/${nb.id}?/setCategory`,
			{ noteId: note.id, list: '0', categoryId: '' },
			{ origin: 'https://evil.example' }
		);
		expect(forged.status).toBe(403);
		expect(await categoriesOf(nb.id, note.id)).toEqual(['0:Financement']);

		// The menu of the note's card shows where it is now.
		const after = await (await t.host.get(`/fr/c/${nb.id}`)).text();
		expect(after).toMatch(new RegExp(`<option value="${financement}" selected`));

		// A reader who may only read sees the categories but no curating forms.
		const anonymous = await (await fetch(`${t.app.url}/fr/c/${nb.id}`)).text();
		expect(anonymous).toContain('Financement');
		expect(anonymous).not.toContain('?/setCategory');
		const stranger = await client(t.app.url).postForm(`/fr/c/${nb.id}?/setCategory`, { noteId: note.id, list: '0', categoryId: '' });
		expect(stranger.status).toBe(303);
		expect(stranger.headers.get('location')).toMatch(/\/fr\/sign-in\?next=/);
		expect(await categoriesOf(nb.id, note.id)).toEqual(['0:Financement']);
	});

	it('filters by author and year through its form fields', async () => {
		const nb = (await t.call('/api/v1/notebooks', { token: t.hostToken, method: 'POST', body: { title: `Carnet ${tag()}` } })).body;
		const mine = (
			await t.call('/api/v1/notes', {
				token: t.hostToken,
				method: 'POST',
				body: { title: `De Marie-Soleil ${tag()}`, status: 'published' }
			})
		).body;
		const theirs = (
			await t.call('/api/v1/notes', { token: t.alexToken, method: 'POST', body: { title: `D’Alex ${tag()}`, status: 'published' } })
		).body;
		for (const note of [mine, theirs])
			await t.call(`/api/v1/notebooks/${nb.id}/notes`, { token: t.hostToken, method: 'POST', body: { noteId: note.id } });

		const form = await (await fetch(`${t.app.url}/en/c/${nb.id}`)).text();
		expect(form).toContain('<label for="nb-author">Author</label>');
		expect(form).toContain('<label for="nb-year">Year published</label>');

		const byAlex = await (await fetch(`${t.app.url}/en/c/${nb.id}?author=alex&year=`)).text();
		expect(byAlex).toContain(theirs.title);
		expect(byAlex).not.toContain(mine.title);
		expect(byAlex).toMatch(/id="nb-author"[^>]*value="alex"/);

		const thisYear = new Date().getUTCFullYear();
		const now = await (await fetch(`${t.app.url}/en/c/${nb.id}?year=${thisYear}`)).text();
		expect(now).toContain(mine.title);
		const past = await (await fetch(`${t.app.url}/en/c/${nb.id}?year=1999`)).text();
		expect(past).not.toContain(mine.title);
		expect(past).toContain('No note matches these criteria.');
	});
});
