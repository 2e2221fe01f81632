// Knowledge bases over real HTTP, second part: the printable and Markdown exports of a knowledge base (only what the
// reader may see, 404 for a knowledge base they may not see), the index of knowledge bases, page and API, and the
// creation forms that share their fields.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { client, SEED_KB, SEED_NOTE, SEED_NOTEBOOK, tag, useApp } from './client.ts';

const t = useApp();
const post = (path: string, token: string, body: unknown) => t.call(path, { token, method: 'POST', body });

describe('knowledge base exports', () => {
	it('give the demo knowledge base as a printable HTML document, linked from its page', async () => {
		const res = await fetch(`${t.app.url}/en/kb/${SEED_KB}/export.html`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe(`inline; filename="knowledge-base-${SEED_KB}.html"`);
		expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
		const html = await res.text();
		expect(html).toContain('<h1>Savoirs des plateformes En commun</h1>');
		expect(html).toContain('<h2>Analyse de soutenabilité des plateformes En commun</h2>');
		expect(html).toContain(`<article id="note-${SEED_NOTE}"`);
		expect(html).toContain('Cite this note (APA)');
		expect(html).toContain('CC BY-NC-SA 4.0');
		expect(html).not.toContain('<script');
		const page = await (await fetch(`${t.app.url}/fr/kb/${SEED_KB}`)).text();
		expect(page).toContain(`href="/fr/kb/${SEED_KB}/export.html"`);
		expect(page).toContain(`href="/fr/kb/${SEED_KB}/export.zip"`);
	});

	it('give it as a Markdown vault, a folder per notebook', async () => {
		const res = await fetch(`${t.app.url}/fr/kb/${SEED_KB}/export.zip`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/zip');
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="knowledge-base-${SEED_KB}.zip"`);
		const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
		const folder = 'Analyse de soutenabilité des plateformes En commun';
		expect(Object.keys(files).sort()).toEqual(
			[`${folder}/Atelier 4 - Valider/${SEED_NOTE}.md`, `${folder}/.commonplace/notebook.json`, '.commonplace/knowledge-base.json'].sort()
		);
		const manifest = JSON.parse(new TextDecoder().decode(files['.commonplace/knowledge-base.json']));
		expect(manifest.notebooks).toEqual([{ id: SEED_NOTEBOOK, title: folder, folder, notes: [SEED_NOTE] }]);
	});

	it('hold only what the reader may see, and answer 404 for a knowledge base they may not see', async () => {
		const hiddenTitle = `Carnet privé ${tag()}`;
		const hidden = await post('/api/v1/notebooks', t.hostToken, { title: hiddenTitle, visibility: 'private' });
		const open = await post('/api/v1/knowledge-bases', t.hostToken, { title: `Base ouverte ${tag()}` });
		for (const notebookId of [SEED_NOTEBOOK, hidden.body.id])
			expect((await post(`/api/v1/knowledge-bases/${open.body.id}/notebooks`, t.hostToken, { notebookId })).status).toBe(204);
		for (const format of ['html', 'zip']) {
			const anon = await fetch(`${t.app.url}/fr/kb/${open.body.id}/export.${format}`);
			expect(anon.status).toBe(200);
			const bytes = new Uint8Array(await anon.arrayBuffer());
			const text = format === 'zip' ? JSON.stringify(Object.keys(unzipSync(bytes))) : new TextDecoder().decode(bytes);
			expect(text).toContain(SEED_NOTE);
			expect(text).not.toContain(hiddenTitle);
			expect(await (await t.host.get(`/fr/kb/${open.body.id}/export.${format}`)).text()).toContain(format === 'zip' ? 'PK' : hiddenTitle);
		}

		const closed = await post('/api/v1/knowledge-bases', t.hostToken, { title: `Base privée ${tag()}`, visibility: 'private' });
		for (const format of ['html', 'zip']) {
			const path = `/fr/kb/${closed.body.id}/export.${format}`;
			expect((await fetch(`${t.app.url}${path}`)).status).toBe(404);
			expect((await fetch(`${t.app.url}${path}`, { headers: { authorization: `Bearer ${t.alexToken}` } })).status).toBe(404);
			expect((await t.host.get(path)).status).toBe(200);
		}
	});
});

describe('the index of knowledge bases', () => {
	it('lists only those the reader may see, on the page and through the API, with pages', async () => {
		const privateTitle = `Base réservée ${tag()}`;
		expect((await post('/api/v1/knowledge-bases', t.hostToken, { title: privateTitle, visibility: 'private' })).status).toBe(201);

		const anonPage = await (await fetch(`${t.app.url}/fr/kb`)).text();
		expect(anonPage).toContain(`href="/fr/kb/${SEED_KB}"`);
		expect(anonPage).toContain('Savoirs des plateformes En commun');
		expect(anonPage).not.toContain(privateTitle);
		expect(anonPage).not.toContain('href="/fr/kb/new"');
		const hostPage = await (await t.host.get('/en/kb')).text();
		expect(hostPage).toContain(privateTitle);
		expect(hostPage).toContain('href="/en/kb/new"');
		// Reachable from the navigation of every page.
		expect(await (await fetch(`${t.app.url}/en`)).text()).toContain('href="/en/kb"');

		const anon = await t.call('/api/v1/knowledge-bases');
		expect(anon.status).toBe(200);
		expect(anon.body.items).toContainEqual({
			id: SEED_KB,
			title: 'Savoirs des plateformes En commun',
			description: expect.any(String),
			visibility: 'public',
			notebookCount: 1,
			url: `${t.app.url}/en/kb/${SEED_KB}`
		});
		expect(JSON.stringify(anon.body)).not.toContain(privateTitle);
		expect(JSON.stringify((await t.call('/api/v1/knowledge-bases', { token: t.alexToken })).body)).not.toContain(privateTitle);
		// Page by page, the host gets every one of theirs once.
		const seen: string[] = [];
		let next: string | null = null;
		do {
			const page = await t.call(`/api/v1/knowledge-bases?limit=1${next ? `&cursor=${encodeURIComponent(next)}` : ''}`, {
				token: t.hostToken
			});
			expect(page.status).toBe(200);
			expect(page.body.items.length).toBeLessThanOrEqual(1);
			seen.push(...page.body.items.map((k: { title: string }) => k.title));
			next = page.body.next;
		} while (next);
		expect(seen).toContain(privateTitle);
		expect(new Set(seen).size).toBe(seen.length);
		expect((await t.call('/api/v1/knowledge-bases?limit=0')).status).toBe(422);
		expect((await t.call('/api/v1/knowledge-bases?cursor=nope')).status).toBe(422);
	});

	it('explains itself when there is nothing to show', async () => {
		// A page past the last title is empty: the empty state, whoever asks.
		const res = await client(t.app.url).get(`/en/kb?cursor=${Buffer.from(JSON.stringify(['zzzzzz', ''])).toString('base64url')}`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('There is no knowledge base you may read yet.');
		// A cursor this server did not issue shows the first page.
		expect(await (await fetch(`${t.app.url}/en/kb?cursor=nope`)).text()).toContain(`href="/en/kb/${SEED_KB}"`);
	});
});

describe('the creation forms of notebooks and knowledge bases', () => {
	it('share their fields, and keep the person’s text when refused', async () => {
		for (const path of ['/en/c/new', '/en/kb/new']) {
			const html = await (await t.host.get(path)).text();
			for (const id of [
				'field-title',
				'field-description',
				'visibility-public',
				'visibility-community',
				'visibility-private',
				'field-communityId'
			])
				expect(html, `${path} ${id}`).toContain(`id="${id}"`);
			const refused = await t.host.postForm(path, {
				title: '',
				description: 'Mon texte gardé',
				visibility: 'private',
				communityId: '',
				list0: 'Thème'
			});
			expect(refused.status).toBe(400);
			const again = await refused.text();
			expect(again).toContain('Mon texte gardé');
			expect(again).toMatch(/id="visibility-private"[^>]*checked/);
		}
		expect(await (await t.host.get('/en/c/new')).text()).toContain('id="list0"');
		expect(await (await t.host.get('/en/kb/new')).text()).not.toContain('id="list0"');
	});
});
