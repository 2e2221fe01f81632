// Knowledge bases and notebook feeds over real HTTP: the API, the page (search, the managers' picker, without
// JavaScript), and what a reader who may not see a notebook or a note learns of it through either (nothing).
import { describe, expect, it } from 'vitest';
import { SEED_NOTE, SEED_NOTEBOOK, tag, useApp } from './client.ts';

const t = useApp();

const post = (path: string, token: string, body: unknown) => t.call(path, { token, method: 'POST', body });

describe('knowledge bases', () => {
	it('gathers notebooks, shows and searches only what each reader may see, through the API and the page', async () => {
		const made = await post('/api/v1/knowledge-bases', t.hostToken, { title: `Savoirs ${tag()}`, description: 'Pour nos partenaires' });
		expect(made.status).toBe(201);
		expect(made.headers.get('location')).toBe(`${t.app.url}/api/v1/knowledge-bases/${made.body.id}`);
		const kb = made.body.id;
		const privateTitle = `Carnet privé ${tag()}`;
		const hidden = await post('/api/v1/notebooks', t.hostToken, { title: privateTitle, visibility: 'private' });
		const secretNote = await post('/api/v1/notes', t.hostToken, {
			title: `Note privée ${tag()}`,
			status: 'published',
			visibility: 'private'
		});
		await post(`/api/v1/notebooks/${hidden.body.id}/notes`, t.hostToken, { noteId: secretNote.body.id });
		for (const notebookId of [SEED_NOTEBOOK, hidden.body.id]) {
			expect((await post(`/api/v1/knowledge-bases/${kb}/notebooks`, t.hostToken, { notebookId })).status).toBe(204);
		}
		expect((await post(`/api/v1/knowledge-bases/${kb}/notebooks`, t.hostToken, { notebookId: SEED_NOTEBOOK })).status).toBe(409);
		// Alex does not manage it (403) and cannot see the host's private notebook anyway.
		expect((await post(`/api/v1/knowledge-bases/${kb}/notebooks`, t.alexToken, { notebookId: SEED_NOTEBOOK })).status).toBe(403);

		const asAnon = (await t.call(`/api/v1/knowledge-bases/${kb}`)).body;
		expect(asAnon).toMatchObject({ id: kb, noteCount: 1, notebooks: [{ id: SEED_NOTEBOOK, noteCount: 1 }] });
		expect(JSON.stringify(asAnon)).not.toContain(privateTitle);
		const asHost = (await t.call(`/api/v1/knowledge-bases/${kb}`, { token: t.hostToken })).body;
		expect(asHost.notebooks.map((n: { id: string }) => n.id)).toEqual([SEED_NOTEBOOK, hidden.body.id]);
		expect(asHost.noteCount).toBe(2);

		const found = (await t.call(`/api/v1/knowledge-bases/${kb}/search?q=note`)).body;
		expect(JSON.stringify(found)).not.toContain(secretNote.body.id);
		const all = (await t.call(`/api/v1/knowledge-bases/${kb}/search`)).body;
		expect(all.items.map((n: { id: string }) => n.id)).toEqual([SEED_NOTE]);
		expect(all.items[0].notebooks).toEqual([expect.objectContaining({ id: SEED_NOTEBOOK })]);
		const hostFound = (await t.call(`/api/v1/knowledge-bases/${kb}/search?q=${encodeURIComponent('note privee')}`, { token: t.hostToken }))
			.body;
		expect(hostFound.items.map((n: { id: string }) => n.id)).toEqual([secretNote.body.id]);
		expect((await t.call(`/api/v1/knowledge-bases/${kb}/search?limit=0`)).status).toBe(422);

		// The page: anonymous readers see the public notebook and search it with a GET form.
		const page = await (await fetch(`${t.app.url}/fr/kb/${kb}?q=soutenabilite`)).text();
		expect(page).toContain('Pour nos partenaires');
		expect(page).toContain(`href="/fr/c/${SEED_NOTEBOOK}"`);
		expect(page).toContain(`href="/fr/n/${SEED_NOTE}"`);
		expect(page).not.toContain(privateTitle);
		// The manager removes a notebook and finds it again in the picker, without JavaScript.
		expect(
			(await t.call(`/api/v1/knowledge-bases/${kb}/notebooks/${hidden.body.id}`, { token: t.hostToken, method: 'DELETE' })).status
		).toBe(204);
		const picker = await (await t.host.get(`/en/kb/${kb}?find=${encodeURIComponent(privateTitle.slice(0, 12))}`)).text();
		expect(picker).toContain(`Add “${privateTitle}”`);
		expect((await t.host.postForm(`/en/kb/${kb}?/add`, { notebookId: hidden.body.id })).status).toBe(200);
		expect(await (await t.host.get(`/en/kb/${kb}`)).text()).toContain(privateTitle);
	});

	it('hides a private knowledge base from others, as if it did not exist', async () => {
		const made = await post('/api/v1/knowledge-bases', t.hostToken, { title: `Base privée ${tag()}`, visibility: 'private' });
		const kb = made.body.id;
		expect((await fetch(`${t.app.url}/en/kb/${kb}`)).status).toBe(404);
		expect((await t.call(`/api/v1/knowledge-bases/${kb}`, { token: t.alexToken })).status).toBe(404);
		expect((await t.call(`/api/v1/knowledge-bases/${kb}/search`)).status).toBe(404);
		expect((await post(`/api/v1/knowledge-bases/${kb}/notebooks`, t.alexToken, { notebookId: SEED_NOTEBOOK })).status).toBe(404);
		expect((await t.host.get(`/en/kb/${kb}`)).status).toBe(200);
		expect((await t.call('/api/v1/knowledge-bases', { method: 'POST', body: { title: 'x' } })).status).toBe(401);
	});

	it('has a creation page that works without JavaScript', async () => {
		const res = await t.host.postForm('/fr/kb/new', { title: `Base ${tag()}`, description: '', visibility: 'public', communityId: '' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/fr\/kb\/[\w-]+\?created$/);
	});
});

describe('notebook feeds', () => {
	it('serve the public notes of a public notebook as Atom and RSS, and are linked from its page', async () => {
		const atom = await fetch(`${t.app.url}/fr/c/${SEED_NOTEBOOK}/feed.atom`);
		expect(atom.status).toBe(200);
		expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		const xml = await atom.text();
		expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-CA">');
		expect(xml).toContain(`<id>${t.app.url}/fr/n/${SEED_NOTE}</id>`);
		expect(xml).toContain('<rights>');
		const rss = await fetch(`${t.app.url}/en/c/${SEED_NOTEBOOK}/feed.rss`);
		expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
		expect(await rss.text()).toContain(`<link>${t.app.url}/en/n/${SEED_NOTE}</link>`);
		const page = await (await fetch(`${t.app.url}/en/c/${SEED_NOTEBOOK}`)).text();
		expect(page).toContain(`type="application/atom+xml"`);
		expect(page).toContain(`href="/en/c/${SEED_NOTEBOOK}/feed.atom"`);
	});

	it('never carry a draft, private or deleted note, and a notebook that is not public has none', async () => {
		const nb = (await post('/api/v1/notebooks', t.hostToken, { title: `Carnet public ${tag()}` })).body.id;
		const titles: string[] = [];
		for (const body of [{ status: 'draft' }, { status: 'published', visibility: 'private' }, { status: 'published' }]) {
			const title = `Fuite ${tag()}`;
			titles.push(title);
			const note = (await post('/api/v1/notes', t.hostToken, { title, ...body })).body.id;
			await post(`/api/v1/notebooks/${nb}/notes`, t.hostToken, { noteId: note });
			if (titles.length === 3) await t.call(`/api/v1/notes/${note}`, { token: t.hostToken, method: 'DELETE' });
		}
		// Signed in as its author or not, the feed is the public one.
		const xml = await (await t.host.get(`/en/c/${nb}/feed.atom`)).text();
		expect(xml).toContain('<feed');
		for (const title of titles) expect(xml).not.toContain(title);
		const closed = (await post('/api/v1/notebooks', t.hostToken, { title: `Carnet privé ${tag()}`, visibility: 'private' })).body.id;
		for (const format of ['atom', 'rss']) {
			expect((await fetch(`${t.app.url}/en/c/${closed}/feed.${format}`)).status).toBe(404);
			expect((await t.host.get(`/en/c/${closed}/feed.${format}`)).status).toBe(404);
		}
	});
});
