// Direct messages over real HTTP (issue 6): "Contact the author" on the seed note reaches Marie-Soleil L'Allier's
// demo account; the pages work without JavaScript; the API answers with bearer tokens and problem+json; and nobody
// but the participants (anonymous, another member, an admin) learns that a conversation exists: 404, no listing, no
// count. src/lib/server/conversations/conversations.test.ts checks the same rules on the use cases.
import { beforeAll, describe, expect, it } from 'vitest';
import { client, signedIn, SEED_NOTE, tag, tokenOf, useApp, type Client, signUpOutsider } from './client.ts';

const t = useApp();
let admin: Client;
let adminToken: string;
let outsider: Client;
let outsiderToken: string;

/** The count beside "Messages" in the header of a page, 0 when there is no badge. */
const headerCount = (html: string) =>
	Number(html.match(/class="nav-messages[^"]*"[^>]*>[^<]*(?:<!--[^>]*-->)*<span class="badge[^"]*"[^>]*>(\d+)</)?.[1] ?? 0);

beforeAll(async () => {
	admin = await signedIn(t.app.url, 'admin@commonplace.localhost');
	adminToken = await tokenOf(admin);
	outsider = await signUpOutsider(t.app);
	outsiderToken = await tokenOf(outsider);
});

describe('Contact the author', () => {
	let id: string;
	const body = `Bonjour Marie-Soleil, **merci** pour cette note ${tag()}`;

	it('is offered on the seed note and reaches Marie-Soleil through a form that works without JavaScript', async () => {
		const note = await (await t.alex.get(`/en/n/${SEED_NOTE}`)).text();
		expect(note).toContain(`href="/en/messages/new?note=${SEED_NOTE}"`);
		const form = await t.alex.get(`/en/messages/new?note=${SEED_NOTE}`);
		expect(form.status).toBe(200);
		expect(await form.text()).toMatch(/Marie-Soleil L(&#39;|')Allier/);
		const sent = await t.alex.postForm(`/en/messages/new?note=${SEED_NOTE}`, { noteId: SEED_NOTE, body });
		expect(sent.status).toBe(303);
		id = sent.headers.get('location')!.match(/^\/en\/messages\/([\w-]+)#latest$/)![1];
		const page = await (await t.alex.follow(sent)).text();
		expect(page).toContain('<strong>merci</strong>');
	});

	it('shows up unread in her list and header, and opening it reads it', async () => {
		const list = await (await t.host.get('/en/messages')).text();
		expect(list).toContain(`/en/messages/${id}`);
		expect(list).toContain('Alex Tremblay');
		expect(headerCount(list)).toBeGreaterThanOrEqual(1);
		const api = await t.call('/api/v1/conversations', { token: t.hostToken });
		const item = api.body.items.find((c: { id: string }) => c.id === id);
		expect(item).toMatchObject({ unread: 1, note: { id: SEED_NOTE } });
		expect(item.participants.map((p: { handle: string }) => p.handle).sort()).toEqual(['alex', 'marie-soleil']);
		const opened = await (await t.host.get(`/en/messages/${id}`)).text();
		expect(opened).toContain('<strong>merci</strong>');
		expect(opened).toContain(`href="/en/n/${SEED_NOTE}"`);
		expect(headerCount(opened)).toBe(api.body.unreadTotal - 1);
		expect((await t.call('/api/v1/conversations', { token: t.hostToken })).body.unreadTotal).toBe(api.body.unreadTotal - 1);
	});

	it('answers a reply form with the text intact when it is refused', async () => {
		const res = await t.host.postForm(`/en/messages/${id}?/send`, { body: '   ' });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Write a message.');
		const ok = await t.host.postForm(`/en/messages/${id}?/send`, { body: 'Avec plaisir !' });
		expect(ok.status).toBe(303);
		const unknown = await t.alex.postForm('/en/messages/new', { handles: '@nobody-here-at-all', body: 'Texte gardé' });
		expect(unknown.status).toBe(422);
		const html = await unknown.text();
		expect(html).toContain('No one has this handle');
		expect(html).toContain('Texte gardé');
	});

	it('hides the conversation from everyone else: 404 on the page and the API, no listing, no count', async () => {
		for (const [who, browser, token] of [
			['outsider', outsider, outsiderToken],
			['admin', admin, adminToken]
		] as const) {
			expect((await browser.get(`/en/messages/${id}`)).status, who).toBe(404);
			expect((await browser.postForm(`/en/messages/${id}?/send`, { body: 'intrus' })).status, who).toBe(404);
			expect((await t.call(`/api/v1/conversations/${id}`, { token })).status, who).toBe(404);
			expect((await t.call(`/api/v1/conversations/${id}/messages`, { token, method: 'POST', body: { body: 'intrus' } })).status, who).toBe(
				404
			);
			expect((await t.call(`/api/v1/conversations/${id}/read`, { token, method: 'POST' })).status, who).toBe(404);
			const list = await t.call('/api/v1/conversations', { token });
			expect(
				list.body.items.map((c: { id: string }) => c.id),
				who
			).not.toContain(id);
			const page = await (await browser.get('/en/messages')).text();
			expect(page, who).not.toContain(id);
			expect(headerCount(page), who).toBe(0);
		}
		// Anonymous: the same answers as for an id that does not exist.
		for (const path of [`/api/v1/conversations/${id}`, '/api/v1/conversations/nope1234nope1234']) {
			const res = await t.call(path);
			expect(res.status).toBe(404);
			expect(res.headers.get('content-type')).toContain('application/problem+json');
			expect((await t.call(`${path}/read`, { method: 'POST' })).status).toBe(404);
		}
		expect((await t.call('/api/v1/conversations')).status).toBe(401);
		const anonymous = client(t.app.url);
		const a = await anonymous.get(`/en/messages/${id}`);
		const b = await anonymous.get('/en/messages/nope1234nope1234');
		expect(a.status).toBe(303);
		expect(a.headers.get('location')?.replace(id, 'X')).toBe(b.headers.get('location')?.replace('nope1234nope1234', 'X'));
	});
});

describe('API', () => {
	it('starts, reuses, sends, reads, and answers problems', async () => {
		const first = await t.call('/api/v1/conversations', {
			token: t.alexToken,
			method: 'POST',
			body: { handles: ['@Marie-Soleil'], body: `Un ${tag()}` }
		});
		expect([200, 201]).toContain(first.status);
		const again = await t.call('/api/v1/conversations', {
			token: t.alexToken,
			method: 'POST',
			body: { handles: ['marie-soleil'], body: 'Deux' }
		});
		expect(again.status).toBe(200);
		expect(again.body.id).toBe(first.body.id);
		expect(again.body.note).toBeNull();
		const sent = await t.call(`/api/v1/conversations/${first.body.id}/messages`, {
			token: t.hostToken,
			method: 'POST',
			body: { body: 'Trois *trois*' }
		});
		expect(sent.status).toBe(201);
		expect(sent.body.messages.at(-1)).toMatchObject({ body: 'Trois *trois*', author: { handle: 'marie-soleil' } });
		expect(sent.body.messages.at(-1).html).toContain('<em>trois</em>');
		const got = await t.call(`/api/v1/conversations/${first.body.id}?limit=1`, { token: t.alexToken });
		expect(got.body.messages).toHaveLength(1);
		expect(got.body.unread).toBeGreaterThanOrEqual(1);
		const older = await t.call(`/api/v1/conversations/${first.body.id}?limit=1&cursor=${got.body.next}`, { token: t.alexToken });
		expect(older.body.messages[0].body).toBe('Deux');
		const read = await t.call(`/api/v1/conversations/${first.body.id}/read`, { token: t.alexToken, method: 'POST' });
		expect(read.status).toBe(200);
		expect((await t.call(`/api/v1/conversations/${first.body.id}`, { token: t.alexToken })).body.unread).toBe(0);

		const unknown = await t.call('/api/v1/conversations', {
			token: t.alexToken,
			method: 'POST',
			body: { handles: ['nobody-at-all-x'], body: 'x' }
		});
		expect(unknown.status).toBe(422);
		expect(unknown.body.errors.handles).toEqual(['dm_unknown_handle']);
		const empty = await t.call('/api/v1/conversations', { token: t.alexToken, method: 'POST', body: { body: 'x' } });
		expect(empty.status).toBe(422);
		const hiddenNote = await t.call('/api/v1/conversations', {
			token: t.alexToken,
			method: 'POST',
			body: { noteId: 'nope1234nope1234', body: 'x' }
		});
		expect(hiddenNote.status).toBe(404);
		const noJson = await t.call(`/api/v1/conversations/${first.body.id}/messages`, {
			token: t.alexToken,
			method: 'POST',
			body: 'body=x',
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(noJson.status).toBe(415);
		expect((await t.call('/api/v1/conversations', { method: 'POST', body: { handles: ['alex'], body: 'x' } })).status).toBe(401);
		const doc = await t.call('/api/v1/openapi.json');
		expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/conversations', '/api/v1/conversations/{id}/read']));
	});
});
