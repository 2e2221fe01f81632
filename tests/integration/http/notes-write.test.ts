// Writing notes over real HTTP: the API (create, edit with conflict detection, publish, co-authors, delete) and the
// pages people use (new note, edit, conflict screen, "create this note" from a missing link, My notes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { apiCall, HOST_EMAIL, signedIn, tokenOf, type ApiCall, type Client } from './client.ts';

let app: RunningApp;
let host: Client;
let hostToken: string;
let alex: Client;
let alexToken: string;
const call = (path: string, options?: ApiCall) => apiCall(app.url, path, options);
const tag = () => Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
	app = await startApp();
	host = await signedIn(app.url, HOST_EMAIL);
	hostToken = await tokenOf(host);
	alex = await signedIn(app.url, 'alex@commonplace.localhost');
	alexToken = await tokenOf(alex);
});
afterAll(() => app?.stop());

describe('the notes API', () => {
	it('creates, lists, edits, refuses a stale edit with the current revision, publishes and deletes', async () => {
		const title = `Note API ${tag()}`;
		const made = await call('/api/v1/notes', { token: hostToken, method: 'POST', body: { title, body: 'Premier jet' } });
		expect(made.status).toBe(201);
		expect(made.headers.get('location')).toBe(`${app.url}/api/v1/notes/${made.body.id}`);
		expect(made.body).toMatchObject({ title, status: 'draft', licence: { id: 'CC-BY-SA-4.0' }, authors: [{ handle: 'marie-soleil' }] });
		const { id, revisionId: r1 } = made.body;

		// A draft: its authors see it, nobody else learns it exists.
		expect((await call(`/api/v1/notes/${id}`)).status).toBe(404);
		expect((await call(`/api/v1/notes?q=${encodeURIComponent(title)}`)).body.items).toEqual([]);
		expect(
			(await call(`/api/v1/notes?q=${encodeURIComponent(title)}`, { token: hostToken })).body.items.map((n: { id: string }) => n.id)
		).toEqual([id]);

		const edited = await call(`/api/v1/notes/${id}`, {
			token: hostToken,
			method: 'PATCH',
			body: { body: 'Deuxième jet', baseRevisionId: r1 }
		});
		expect(edited.status).toBe(200);
		expect(edited.body.body).toBe('Deuxième jet');
		const stale = await call(`/api/v1/notes/${id}`, {
			token: hostToken,
			method: 'PATCH',
			body: { body: 'Jet concurrent', baseRevisionId: r1 }
		});
		expect(stale.status).toBe(409);
		expect(stale.headers.get('content-type')).toBe('application/problem+json');
		expect(stale.body).toMatchObject({ status: 409, errors: { _: ['edit_conflict'] }, currentRevisionId: edited.body.revisionId });
		expect((await call(`/api/v1/notes/${id}`, { token: hostToken })).body.body).toBe('Deuxième jet');

		const published = await call(`/api/v1/notes/${id}`, {
			token: hostToken,
			method: 'PATCH',
			body: { status: 'published', baseRevisionId: edited.body.revisionId }
		});
		expect(published.body).toMatchObject({ status: 'published', body: 'Deuxième jet' });
		expect((await call(`/api/v1/notes/${id}`)).status).toBe(200);
		expect((await call(`/api/v1/notes/${id}/revisions`)).body.items).toHaveLength(2);

		// Another account reads it but may not change it.
		const foreign = await call(`/api/v1/notes/${id}`, { token: alexToken, method: 'PATCH', body: { title: 'x', baseRevisionId: r1 } });
		expect(foreign.status).toBe(403);
		expect((await call(`/api/v1/notes/${id}`, { token: alexToken, method: 'DELETE' })).status).toBe(403);
		expect((await call(`/api/v1/notes/${id}`, { method: 'DELETE' })).status).toBe(401);

		expect((await call(`/api/v1/notes/${id}`, { token: hostToken, method: 'DELETE' })).status).toBe(204);
		expect((await call(`/api/v1/notes/${id}`)).status).toBe(404);
		expect((await call(`/api/v1/notes/${id}`, { token: hostToken })).status).toBe(404);
	});

	it('answers bad input with problem+json and every field’s error code', async () => {
		const res = await call('/api/v1/notes', {
			token: hostToken,
			method: 'POST',
			body: { title: ' ', licence: 'GPL', visibility: 'community', orgWebsite: 'javascript:alert(1)' }
		});
		expect(res.status).toBe(422);
		expect(res.body.errors).toMatchObject({ title: ['title_required'], licence: expect.any(Array), orgWebsite: ['website_invalid'] });
		const noCommunity = await call('/api/v1/notes', { token: hostToken, method: 'POST', body: { title: 'x', visibility: 'community' } });
		expect(noCommunity.status).toBe(422);
		expect(noCommunity.body.errors).toEqual({ communityId: ['community_required'] });
	});

	it('invites co-authors who accept or decline', async () => {
		const made = await call('/api/v1/notes', { token: hostToken, method: 'POST', body: { title: `À deux ${tag()}` } });
		const id = made.body.id;
		const invited = await call(`/api/v1/notes/${id}/authors`, { token: hostToken, method: 'POST', body: { handle: '@alex' } });
		expect(invited.status).toBe(200);
		expect(invited.body.items).toEqual([
			{ handle: 'marie-soleil', name: "Marie-Soleil L'Allier", status: 'active' },
			expect.objectContaining({ handle: 'alex', status: 'invited' })
		]);
		expect((await call(`/api/v1/notes/${id}/authors`, { token: hostToken, method: 'POST', body: { handle: 'alex' } })).status).toBe(409);
		expect((await call(`/api/v1/notes/${id}/authors`, { token: hostToken, method: 'POST', body: { handle: 'nobody-here' } })).status).toBe(
			422
		);
		expect((await call(`/api/v1/notes/${id}`, { token: alexToken })).status).toBe(404);
		expect((await call(`/api/v1/notes/${id}/invitation`, { token: alexToken, method: 'PUT', body: { accept: true } })).status).toBe(204);
		const note = await call(`/api/v1/notes/${id}`, { token: alexToken });
		expect(note.body.authors.map((a: { handle: string }) => a.handle)).toEqual(['marie-soleil', 'alex']);
		expect((await call(`/api/v1/notes/${id}/authors/alex`, { token: hostToken, method: 'DELETE' })).status).toBe(204);
		expect((await call(`/api/v1/notes/${id}/authors/marie-soleil`, { token: hostToken, method: 'DELETE' })).status).toBe(409);
	});

	it('describes its writes in the OpenAPI document', async () => {
		const doc = (await call('/api/v1/openapi.json')).body;
		expect(Object.keys(doc.paths['/api/v1/notes'])).toEqual(['get', 'post']);
		expect(Object.keys(doc.paths['/api/v1/notes/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
		expect(doc.paths['/api/v1/notes/{id}'].patch.responses['409']).toBeDefined();
	});
});

describe('the note pages', () => {
	it('writes a note through the form, keeps the text on errors, and shows the conflict screen with both texts', async () => {
		const bad = await host.postForm('/en/n/new?/save', { title: '', body: 'Mon texte précieux', licence: 'CC-BY-SA-4.0' });
		expect(bad.status).toBe(400);
		const badHtml = await bad.text();
		expect(badHtml).toContain('Mon texte précieux');
		expect(badHtml).toContain('Give it a title.');

		const title = `Note formulaire ${tag()}`;
		const created = await host.postForm('/en/n/new?/save', {
			type: 'general',
			title,
			summary: '',
			body: 'Voir [[Une note qui n’existe pas]].',
			language: 'fr',
			licence: 'CC-BY-SA-4.0',
			visibility: 'public',
			communityId: '',
			intent: 'publish'
		});
		expect(created.status).toBe(303);
		const id = created.headers.get('location')!.match(/\/en\/n\/([^?]+)\?saved/)![1];
		const page = await (await host.follow(created)).text();
		expect(page).toContain('Changes saved.');
		expect(page).toContain(`href="/en/n/new?title=Une%20note%20qui%20n%E2%80%99existe%20pas"`);

		const edit = await (await host.get(`/en/n/${id}/edit`)).text();
		const base = edit.match(/name="baseRevisionId" value="([^"]+)"/)![1];
		const form = { type: 'general', title, summary: '', language: 'fr', licence: 'CC-BY-SA-4.0', visibility: 'public', communityId: '' };
		expect((await host.postForm(`/en/n/${id}/edit?/save`, { ...form, body: 'Version A', baseRevisionId: base })).status).toBe(303);
		const conflict = await host.postForm(`/en/n/${id}/edit?/save`, { ...form, body: 'Version B', baseRevisionId: base });
		expect(conflict.status).toBe(409);
		const html = await conflict.text();
		expect(html).toContain('This note changed while you were editing it');
		expect(html).toContain('Version A');
		expect(html).toContain('Version B');

		// Without JavaScript, files are attached from the form beside the editor, which shows the code to paste.
		const upload = new FormData();
		upload.set('file', new Blob([new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]), 'compte-rendu.pdf');
		upload.set('alt', '');
		const uploaded = await host.postMultipart(`/en/n/${id}/edit?/upload`, upload);
		expect(uploaded.status).toBe(200);
		expect(await uploaded.text()).toMatch(/\[compte-rendu\.pdf\]\(\/files\/[\w-]+\/compte-rendu\.pdf\)/);
		const refused = new FormData();
		refused.set('file', new Blob(['<script>alert(1)</script>']), 'image.png');
		const refusedRes = await host.postMultipart(`/en/n/${id}/edit?/upload`, refused);
		expect(refusedRes.status).toBe(415);
		expect(await refusedRes.text()).toContain('This type of file is not accepted');

		const anonymous = await fetch(`${app.url}/en/n/${id}/edit`, { redirect: 'manual' });
		expect(anonymous.status).toBe(303);
		expect((await alex.get(`/en/n/${id}/edit`)).status).toBe(403);
	});

	it('prefills a new note from a missing link’s title and lists own notes and invitations', async () => {
		const form = await (await host.get('/en/n/new?title=Tiers-lieux%20nourriciers')).text();
		expect(form).toContain('value="Tiers-lieux nourriciers"');
		const made = await call('/api/v1/notes', { token: hostToken, method: 'POST', body: { title: `Invitation ${tag()}` } });
		await call(`/api/v1/notes/${made.body.id}/authors`, { token: hostToken, method: 'POST', body: { handle: 'alex' } });
		const mine = await (await alex.get('/en/notes')).text();
		expect(mine).toContain(made.body.title);
		const accepted = await alex.postForm('/en/notes?/answer', { noteId: made.body.id, answer: 'accept' });
		expect(accepted.status).toBe(303);
		expect((await alex.get(`/en/n/${made.body.id}`)).status).toBe(200);
	});
});
