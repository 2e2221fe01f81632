// A notebook's settings over real HTTP: the API (PATCH, DELETE, categories), the managers' settings page without
// JavaScript, the cover and who may fetch it, and a deleted notebook vanishing from every surface.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tag, useApp, type ApiCall } from './client.ts';

const t = useApp();

async function notebook(body: Record<string, unknown> = {}) {
	const made = await t.call('/api/v1/notebooks', { token: t.hostToken, method: 'POST', body: { title: `Réglages ${tag()}`, ...body } });
	expect(made.status).toBe(201);
	return made.body as { id: string; title: string };
}

async function publishedNote(title: string) {
	const made = await t.call('/api/v1/notes', { token: t.hostToken, method: 'POST', body: { title, status: 'published' } });
	return made.body.id as string;
}

const png = (width = 800, height = 400) =>
	sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 90 } } })
		.png()
		.toBuffer();

/** The notebook's version now, as the host's client reads it before an edit. */
const versionOf = async (id: string) => (await t.call(`/api/v1/notebooks/${id}`, { token: t.hostToken })).body.version as string;
/** The host changes a notebook through the API, from its version now. */
const patchAsHost = async (id: string, body: Record<string, unknown>) =>
	t.call(`/api/v1/notebooks/${id}`, { token: t.hostToken, method: 'PATCH', body: { ...body, baseVersion: await versionOf(id) } });

function coverForm(bytes: BlobPart | null, alt: string) {
	const form = new FormData();
	form.set('section', 'cover');
	form.set('cover', new Blob(bytes ? [bytes] : []), bytes ? 'couverture.png' : '');
	form.set('coverAlt', alt);
	return form;
}

describe('the notebook API', () => {
	it('changes a notebook for its managers: 403 for a reader who sees it, 404 for one who does not, 422 for bad input', async () => {
		const nb = await notebook();
		const changed = await patchAsHost(nb.id, { title: 'Titre changé', guide: 'Une note par atelier.', categoryLists: ['Thème', 'Année'] });
		expect(changed.status).toBe(200);
		expect(changed.body).toMatchObject({
			id: nb.id,
			title: 'Titre changé',
			guide: 'Une note par atelier.',
			tocNoteId: null,
			cover: null,
			categoryLists: [{ name: 'Thème' }, { name: 'Année' }]
		});

		const baseVersion = changed.body.version;
		const forbidden = await t.call(`/api/v1/notebooks/${nb.id}`, {
			token: t.alexToken,
			method: 'PATCH',
			body: { title: 'x', baseVersion }
		});
		expect(forbidden.status).toBe(403);
		expect(forbidden.headers.get('content-type')).toContain('application/problem+json');
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, { method: 'PATCH', body: { title: 'x', baseVersion } })).status).toBe(401);
		const invalid = await t.call(`/api/v1/notebooks/${nb.id}`, {
			token: t.hostToken,
			method: 'PATCH',
			body: { title: '', visibility: 'secret', baseVersion }
		});
		expect(invalid.status).toBe(422);
		expect(Object.keys(invalid.body.errors).sort()).toEqual(['title', 'visibility']);
		const outside = await publishedNote(`Hors du carnet ${tag()}`);
		const toc = await patchAsHost(nb.id, { tocNoteId: outside });
		expect(toc.status).toBe(422);
		expect(toc.body.errors).toEqual({ tocNoteId: ['toc_note_not_in_notebook'] });

		const hidden = await patchAsHost(nb.id, { visibility: 'private' });
		expect(
			(
				await t.call(`/api/v1/notebooks/${nb.id}`, {
					token: t.alexToken,
					method: 'PATCH',
					body: { title: 'x', baseVersion: hidden.body.version }
				})
			).status
		).toBe(404);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, { token: t.alexToken, method: 'DELETE' })).status).toBe(404);
		expect((await t.call(`/api/v1/notebooks/nope-nope-nope`, { token: t.hostToken, method: 'PATCH', body: { baseVersion } })).status).toBe(
			404
		);

		// An edit begun before another one is refused whole; its client learns the version to start again from.
		const stale = await t.call(`/api/v1/notebooks/${nb.id}`, {
			token: t.hostToken,
			method: 'PATCH',
			body: { title: 'Trop tard', baseVersion }
		});
		expect([stale.status, stale.headers.get('content-type'), stale.body.errors, stale.body.currentVersion]).toEqual([
			409,
			'application/problem+json',
			{ _: ['notebook_edit_conflict'] },
			hidden.body.version
		]);
		const unversioned = await t.call(`/api/v1/notebooks/${nb.id}`, {
			token: t.hostToken,
			method: 'PATCH',
			body: { title: 'Sans version' }
		});
		expect([unversioned.status, unversioned.body.errors]).toEqual([422, { baseVersion: ['base_version_missing'] }]);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, { token: t.hostToken })).body.title).toBe('Titre changé');
	});

	it('renames, moves and deletes categories', async () => {
		const nb = await notebook({ categoryLists: ['Thème'] });
		const add = (name: string) => t.call(`/api/v1/notebooks/${nb.id}/categories`, { token: t.hostToken, method: 'POST', body: { name } });
		const a = (await add('Alpha')).body.id;
		const b = (await add('Bêta')).body.id;
		const names = async () =>
			(await t.call(`/api/v1/notebooks/${nb.id}`)).body.categoryLists[0].categories.map((c: { name: string }) => c.name);
		const category = (id: string, options: ApiCall) =>
			t.call(`/api/v1/notebooks/${nb.id}/categories/${id}`, { token: t.hostToken, ...options });

		expect((await category(a, { method: 'PATCH', body: { name: 'Alpha 2' } })).status).toBe(204);
		expect((await category(b, { method: 'PATCH', body: { direction: 'up' } })).status).toBe(204);
		expect(await names()).toEqual(['Bêta', 'Alpha 2']);
		expect((await category(a, { method: 'PATCH', body: {} })).status).toBe(422);
		expect((await category(a, { method: 'PATCH', body: { name: 'x' }, token: t.alexToken })).status).toBe(403);
		expect((await category('unknown-category', { method: 'PATCH', body: { name: 'x' } })).status).toBe(404);
		expect((await category(a, { method: 'DELETE', token: t.alexToken })).status).toBe(403);
		expect((await category(a, { method: 'DELETE' })).status).toBe(204);
		expect(await names()).toEqual(['Bêta']);
		expect((await category(a, { method: 'DELETE' })).status).toBe(404);
	});

	it('is described in the OpenAPI document', async () => {
		const doc = (await t.call('/api/v1/openapi.json')).body;
		expect(Object.keys(doc.paths['/api/v1/notebooks/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
		expect(Object.keys(doc.paths['/api/v1/notebooks/{id}/categories/{categoryId}']).sort()).toEqual(['delete', 'patch']);
	});
});

describe('the settings page', () => {
	it('is for managers only: sign-in for anonymous readers, 403 for readers, 404 when hidden', async () => {
		const nb = await notebook();
		const anonymous = await fetch(`${t.app.url}/en/c/${nb.id}/settings`, { redirect: 'manual' });
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toBe(`/en/sign-in?next=${encodeURIComponent(`/en/c/${nb.id}/settings`)}`);
		expect((await t.alex.get(`/en/c/${nb.id}/settings`)).status).toBe(403);
		const baseVersion = await versionOf(nb.id);
		expect((await t.alex.postForm(`/en/c/${nb.id}/settings?/save`, { section: 'save', title: 'Pris', baseVersion })).status).toBe(403);
		await patchAsHost(nb.id, { visibility: 'private' });
		expect((await t.alex.get(`/en/c/${nb.id}/settings`)).status).toBe(404);

		const page = await t.host.get(`/fr/c/${nb.id}/settings`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`Paramètres de « ${nb.title} »`);
		expect(html).toContain('action="?/save"');
		expect(html).toContain('enctype="multipart/form-data"');
		// The notebook page links managers to it, and no longer holds the category forms.
		const notebookPage = await (await t.host.get(`/en/c/${nb.id}`)).text();
		expect(notebookPage).toContain(`href="/en/c/${nb.id}/settings"`);
		expect(notebookPage).not.toContain('?/addCategory');
	});

	it('shows an edit begun before the notebook changed what it holds now, keeps its text, and saves it when sent again', async () => {
		const nb = await notebook();
		const opened = await versionOf(nb.id);
		// Another manager's change (here through the API) comes first.
		await patchAsHost(nb.id, { title: 'Titre de l’autre', guide: 'Le guide de l’autre.' });
		const fields = { section: 'save', title: 'Mon titre', description: 'Ma description qui ne se perd pas', visibility: 'public' };
		const late = await t.host.postForm(`/fr/c/${nb.id}/settings?/save`, { ...fields, baseVersion: opened });
		expect(late.status).toBe(409);
		const html = (await late.text()).replaceAll('&#39;', '’');
		expect(html).toContain('Ce carnet a changé pendant que vous modifiiez ses paramètres');
		const start = html.indexOf('<section class="conflict"');
		const shown = html.slice(start, html.indexOf('</section>', start));
		expect(shown).toContain('Le carnet maintenant');
		expect(shown).toContain('<dd>Titre de l’autre</dd>');
		expect(shown).toContain('Le guide de l’autre.');
		expect(html).toContain('value="Mon titre"');
		expect(html).toContain('Ma description qui ne se perd pas');
		const now = /name="baseVersion" value="(\d+)"/.exec(html)?.[1] ?? '';
		expect(now).toBe(await versionOf(nb.id));

		const again = await t.host.postForm(`/fr/c/${nb.id}/settings?/save`, { ...fields, baseVersion: now });
		expect(again.status).toBe(303);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, { token: t.hostToken })).body).toMatchObject({
			title: 'Mon titre',
			description: 'Ma description qui ne se perd pas',
			guide: ''
		});
	});

	it('saves the form without JavaScript, and keeps the text of a refused one', async () => {
		const nb = await notebook();
		const note = await publishedNote(`Table ${tag()}`);
		await t.call(`/api/v1/notebooks/${nb.id}/notes`, { token: t.hostToken, method: 'POST', body: { noteId: note } });
		const form = await (await t.host.get(`/en/c/${nb.id}/settings`)).text();
		const baseVersion = /name="baseVersion" value="(\d+)"/.exec(form)?.[1] ?? '';
		expect(baseVersion).toBe(await versionOf(nb.id));
		const fields = {
			section: 'save',
			title: 'Rapport annuel',
			description: 'Le rapport, chapitre par chapitre.',
			visibility: 'public',
			baseVersion
		};
		const saved = await t.host.postForm(`/en/c/${nb.id}/settings?/save`, { ...fields, guide: 'Un chapitre par note.', tocNoteId: note });
		expect(saved.status).toBe(303);
		expect(saved.headers.get('location')).toBe(`/en/c/${nb.id}/settings?done=saved`);
		expect(await (await t.host.follow(saved)).text()).toContain('The notebook’s settings are saved.');
		// Readers get the table of contents first.
		const reader = await (await fetch(`${t.app.url}/en/c/${nb.id}`)).text();
		expect(reader).toContain('Rapport annuel');
		expect(reader).toContain(`class="button" href="/en/n/${note}"`);
		expect(reader).toContain('Table of contents');

		const refused = await t.host.postForm(`/en/c/${nb.id}/settings?/save`, {
			...fields,
			baseVersion: await versionOf(nb.id),
			title: '',
			description: 'Mon texte gardé'
		});
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('Mon texte gardé');
		expect(html).toContain('aria-invalid="true"');
		expect((await t.call(`/api/v1/notebooks/${nb.id}`)).body.title).toBe('Rapport annuel');

		// Lists and categories: add, rename, and the refused empty name keeps the form's place.
		expect(
			(await t.host.postForm(`/en/c/${nb.id}/settings?/renameList`, { section: 'renameList', key: '0', list: '0', name: 'Chapitre' }))
				.status
		).toBe(200);
		expect(
			(await t.host.postForm(`/en/c/${nb.id}/settings?/addCategory`, { section: 'addCategory', key: '0', list: '0', name: 'Introduction' }))
				.status
		).toBe(200);
		expect((await t.host.postForm(`/en/c/${nb.id}/settings?/addList`, { section: 'addList', name: 'Année' })).status).toBe(200);
		expect(
			(await t.host.postForm(`/en/c/${nb.id}/settings?/addCategory`, { section: 'addCategory', key: '1', list: '1', name: ' ' })).status
		).toBe(400);
		const lists = (await t.call(`/api/v1/notebooks/${nb.id}`)).body.categoryLists;
		expect(lists).toEqual([
			{ name: 'Chapitre', categories: [expect.objectContaining({ name: 'Introduction' })] },
			{ name: 'Année', categories: [] }
		]);
		expect((await t.host.postForm(`/en/c/${nb.id}/settings?/removeList`, { section: 'removeList', key: '1', list: '1' })).status).toBe(200);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`)).body.categoryLists).toHaveLength(1);
	});

	it('sets a cover served with the notebook’s visibility, and removes it', async () => {
		const nb = await notebook();
		const noAlt = await t.host.postMultipart(`/en/c/${nb.id}/settings?/cover`, coverForm(await png(), ''));
		expect(noAlt.status).toBe(400);
		expect(await noAlt.text()).toContain('a cover needs a text alternative');
		const notPicture = await t.host.postMultipart(`/en/c/${nb.id}/settings?/cover`, coverForm(new TextEncoder().encode('<svg/>'), 'x'));
		expect(notPicture.status).toBe(415);

		const set = await t.host.postMultipart(
			`/en/c/${nb.id}/settings?/cover`,
			coverForm(await png(2000, 1000), 'Des mains autour d’une table')
		);
		expect(set.status).toBe(303);
		const api = (await t.call(`/api/v1/notebooks/${nb.id}`)).body;
		expect(api.cover).toEqual({
			url: expect.stringMatching(/\/files\/covers\/[\w-]+\/[\w-]{16}\.webp$/),
			alt: 'Des mains autour d’une table'
		});
		const path = new URL(api.cover.url).pathname;
		const page = await (await fetch(`${t.app.url}/en/c/${nb.id}`)).text();
		expect(page).toContain(`src="${path}" alt="Des mains autour d’une table"`);

		const image = await fetch(`${t.app.url}${path}`);
		expect(image.status).toBe(200);
		expect(image.headers.get('content-type')).toBe('image/webp');
		expect(image.headers.get('cache-control')).toContain('immutable');
		expect(image.headers.get('cache-control')).toContain('public');
		const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 1600 });
		expect((await fetch(`${t.app.url}${path}`, { headers: { 'if-none-match': image.headers.get('etag')! } })).status).toBe(304);

		// Private: anonymous readers and outsiders get a 404, members the picture, kept out of shared caches.
		await patchAsHost(nb.id, { visibility: 'private' });
		const hidden = await fetch(`${t.app.url}${path}`);
		expect(hidden.status).toBe(404);
		expect(hidden.headers.get('cache-control')).toBe('no-store');
		expect((await t.alex.get(path)).status).toBe(404);
		const mine = await t.host.get(path);
		expect(mine.status).toBe(200);
		expect(mine.headers.get('cache-control')).toMatch(/^private/);
		const byToken = await fetch(`${t.app.url}${path}`, { headers: { authorization: `Bearer ${t.hostToken}` } });
		expect(byToken.status).toBe(200);

		const removed = await t.host.postForm(`/en/c/${nb.id}/settings?/removeCover`, { section: 'removeCover' });
		expect(removed.status).toBe(303);
		expect((await t.host.get(path)).status).toBe(404);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, { token: t.hostToken })).body.cover).toBeNull();
	});
});

describe('the cover through the API', () => {
	it('takes a picture as multipart or as the raw body, refuses what is not one, and removes it', async () => {
		const nb = await notebook();
		const url = `${t.app.url}/api/v1/notebooks/${nb.id}/cover`;
		const put = (body: BodyInit, query = '', headers: Record<string, string> = {}, token = t.hostToken) =>
			fetch(`${url}${query}`, { method: 'PUT', body, headers: { authorization: `Bearer ${token}`, ...headers } });
		// A script with a token sends no Origin; a page on another site cannot send the Authorization header at all.
		const evil = { origin: 'https://evil.example' };
		const form = (alt: string) => {
			const f = new FormData();
			f.set('file', new Blob([Buffer.from(pictureBytes)]), 'couverture.png');
			f.set('alt', alt);
			return f;
		};
		const pictureBytes = await png(1200, 600);

		const noAlt = await put(form(''));
		expect(noAlt.status).toBe(422);
		expect((await noAlt.json()).errors.coverAlt).toEqual(['cover_alt_required']);
		expect((await put(form('Une affiche'), '', {}, t.alexToken)).status).toBe(403);
		// With a session cookie instead of a token, a multipart write from another site is refused before it is read.
		const crossSite = await fetch(url, {
			method: 'PUT',
			body: form('Une affiche'),
			headers: { cookie: [...t.host.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...evil }
		});
		expect(crossSite.status).toBe(403);
		expect(crossSite.headers.get('content-type')).toBe('application/problem+json');
		const text = await put(new TextEncoder().encode('pas une image'), '?filename=a.png&alt=x', {
			'content-type': 'application/octet-stream'
		});
		expect(text.status).toBe(415);
		expect(text.headers.get('content-type')).toContain('application/problem+json');

		const multipart = await put(form('Une affiche'));
		expect(multipart.status).toBe(200);
		const first = (await multipart.json()).cover;
		expect(first).toEqual({ url: expect.stringContaining('/files/covers/'), alt: 'Une affiche' });
		const raw = await put(Buffer.from(pictureBytes), '?filename=affiche.png&alt=Une%20autre%20affiche', {
			'content-type': 'application/octet-stream'
		});
		expect(raw.status).toBe(200);
		const second = (await raw.json()).cover;
		expect(second.alt).toBe('Une autre affiche');
		expect(second.url).not.toBe(first.url);
		// The picture it replaced is gone, the new one is served.
		expect((await fetch(first.url)).status).toBe(404);
		expect((await fetch(second.url)).status).toBe(200);

		const removed = await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${t.hostToken}` } });
		expect(removed.status, await removed.clone().text()).toBe(204);
		expect((await fetch(second.url)).status).toBe(404);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`)).body.cover).toBeNull();
		const doc = (await t.call('/api/v1/openapi.json')).body;
		expect(Object.keys(doc.paths['/api/v1/notebooks/{id}/cover'])).toEqual(['put', 'delete']);
	});
});

describe('deleting a notebook', () => {
	it('asks for confirmation, then answers 404 on every surface; the notes stay', async () => {
		const nb = await notebook();
		const note = await publishedNote(`Survivante ${tag()}`);
		await t.call(`/api/v1/notebooks/${nb.id}/notes`, { token: t.hostToken, method: 'POST', body: { noteId: note } });
		expect(await (await fetch(`${t.app.url}/en/n/${note}`)).text()).toContain(nb.title);
		expect((await fetch(`${t.app.url}/en/c/${nb.id}/feed.atom`)).status).toBe(200);

		const unconfirmed = await t.host.postForm(`/en/c/${nb.id}/settings?/delete`, { section: 'delete' });
		expect(unconfirmed.status).toBe(400);
		expect(await unconfirmed.text()).toContain('Tick the box to confirm the deletion.');
		expect((await t.alex.postForm(`/en/c/${nb.id}/settings?/delete`, { section: 'delete', confirm: 'yes' })).status).toBe(403);

		const deleted = await t.host.postForm(`/en/c/${nb.id}/settings?/delete`, { section: 'delete', confirm: 'yes' });
		expect(deleted.status).toBe(303);
		expect(deleted.headers.get('location')).toBe('/en/notes?notebook-deleted');
		const mine = await (await t.host.follow(deleted)).text();
		expect(mine).toContain('Notebook deleted.');
		expect(mine).not.toContain(nb.title);

		for (const path of [`/en/c/${nb.id}`, `/en/c/${nb.id}/settings`, `/en/c/${nb.id}/feed.atom`, `/en/c/${nb.id}/feed.rss`]) {
			expect((await t.host.get(path)).status, path).toBe(404);
			// Anonymous readers are sent to sign in for any settings page, deleted or not: that tells nothing.
			if (!path.endsWith('/settings')) expect((await fetch(`${t.app.url}${path}`)).status, path).toBe(404);
		}
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, { token: t.hostToken })).status).toBe(404);
		expect((await t.call(`/api/v1/notebooks/${nb.id}/notes`, { token: t.hostToken })).status).toBe(404);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, { token: t.hostToken, method: 'DELETE' })).status).toBe(404);
		// The note lives on, and no longer names the notebook, on its page or in its JSON.
		const notePage = await fetch(`${t.app.url}/en/n/${note}`);
		expect(notePage.status).toBe(200);
		expect(await notePage.text()).not.toContain(nb.title);
		expect(JSON.stringify((await t.call(`/api/v1/notes/${note}`, { token: t.hostToken })).body)).not.toContain(nb.id);
	});

	it('is a 204 through the API', async () => {
		const nb = await notebook();
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, { token: t.alexToken, method: 'DELETE' })).status).toBe(403);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, { token: t.hostToken, method: 'DELETE' })).status).toBe(204);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`)).status).toBe(404);
	});
});
