// Discussions over real HTTP (issue 6): the API and the pages without JavaScript, for members, hosts and outsiders;
// and leak tests: anonymous visitors and non-members never see a thread, a message, a count or a tag of a closed
// or secret community, through pages or the API. src/lib/server/discussions/discussions.test.ts covers the rules.
import { describe, expect, it } from 'vitest';
import { client, tag, useApp, type ApiCall } from './client.ts';

const t = useApp();
const PUBLIC = 'en-commun-soutien-et-developpement';
const CLOSED = 'bibliotheques-tiers-lieux';
const as = (token: string | undefined, method = 'GET', body?: unknown): ApiCall => ({ token, method, body });

describe('the discussions API', () => {
	it('starts, replies with nesting, edits, deletes, reports, hides and locks', async () => {
		const word = tag();
		const started = await t.call(
			`/api/v1/communities/${PUBLIC}/threads`,
			as(t.alexToken, 'POST', { body: `Une question sur #Atelier${word} pour @marie-soleil`, title: '' })
		);
		expect(started.status).toBe(201);
		const thread = started.body;
		expect(started.headers.get('location')).toBe(`${t.app.url}/api/v1/threads/${thread.id}`);
		expect(thread).toMatchObject({ hasTitle: false, locked: false, messageCount: 1, canPost: true, community: { slug: PUBLIC } });
		expect(thread.title).toContain('Une question sur');
		const first = thread.messages[0];
		expect(first.tags).toEqual([`atelier${word}`]);
		expect(first.html).toContain('href="/en/u/marie-soleil"');

		const reply = await t.call(`/api/v1/threads/${thread.id}/messages`, as(t.hostToken, 'POST', { body: 'Réponse', parentId: first.id }));
		expect(reply.status).toBe(201);
		const nested = await t.call(
			`/api/v1/threads/${thread.id}/messages`,
			as(t.alexToken, 'POST', { body: 'Merci!', parentId: reply.body.id })
		);
		expect(nested.body).toMatchObject({ parentId: first.id, replyTo: reply.body.id });

		const edited = await t.call(`/api/v1/messages/${nested.body.id}`, as(t.alexToken, 'PATCH', { body: 'Merci beaucoup!' }));
		expect([edited.status, edited.body.body, edited.body.editedAt !== null]).toEqual([200, 'Merci beaucoup!', true]);
		expect((await t.call(`/api/v1/messages/${nested.body.id}`, as(t.hostToken, 'PATCH', { body: 'Non' }))).status).toBe(403);
		expect((await t.call(`/api/v1/messages/${nested.body.id}`, as(undefined, 'PATCH', { body: 'Non' }))).status).toBe(401);
		const empty = await t.call(`/api/v1/threads/${thread.id}/messages`, as(t.alexToken, 'POST', { body: '  ' }));
		expect([empty.status, empty.body.errors]).toEqual([422, { body: ['message_body_required'] }]);

		expect((await t.call(`/api/v1/messages/${reply.body.id}/report`, as(t.alexToken, 'POST', { reason: 'Test' }))).status).toBe(201);
		expect((await t.call(`/api/v1/messages/${reply.body.id}/report`, as(t.alexToken, 'POST', { reason: 'Test' }))).status).toBe(409);
		expect((await t.call(`/api/v1/messages/${nested.body.id}/hidden`, as(t.alexToken, 'POST'))).status).toBe(403);
		expect((await t.call(`/api/v1/messages/${nested.body.id}/hidden`, as(t.hostToken, 'POST'))).status).toBe(204);
		const seenByAnonymous = await t.call(`/api/v1/threads/${thread.id}`);
		expect(seenByAnonymous.body.messages.find((m: { id: string }) => m.id === nested.body.id)).toMatchObject({
			hidden: true,
			body: null,
			html: null
		});
		expect(seenByAnonymous.body.messageCount).toBe(2);
		expect((await t.call(`/api/v1/messages/${nested.body.id}/hidden`, as(t.hostToken, 'DELETE'))).status).toBe(204);

		expect((await t.call(`/api/v1/messages/${nested.body.id}`, as(t.alexToken, 'DELETE'))).status).toBe(204);
		const afterDelete = await t.call(`/api/v1/threads/${thread.id}`, as(t.alexToken));
		expect(afterDelete.body.messages.map((m: { deleted: boolean }) => m.deleted)).toEqual([false, false, true]);

		expect((await t.call(`/api/v1/threads/${thread.id}/lock`, as(t.alexToken, 'POST'))).status).toBe(403);
		expect((await t.call(`/api/v1/threads/${thread.id}/lock`, as(t.hostToken, 'POST'))).status).toBe(204);
		const locked = await t.call(`/api/v1/threads/${thread.id}/messages`, as(t.alexToken, 'POST', { body: 'Encore' }));
		expect([locked.status, locked.body.errors]).toEqual([403, { _: ['discussion_thread_locked'] }]);
		expect((await t.call(`/api/v1/threads/${thread.id}/lock`, as(t.hostToken, 'DELETE'))).status).toBe(204);

		const listed = await t.call(`/api/v1/communities/${PUBLIC}/threads?limit=100`);
		expect(listed.body.items[0]).toMatchObject({ id: thread.id, messageCount: 2 });
		const tagged = await t.call(`/api/v1/tags/${encodeURIComponent(`atelier${word}`)}`);
		expect(tagged.body.items.map((i: { message: { id: string } }) => i.message.id)).toEqual([first.id]);

		// The demo threads are there, with a hashtag and a mention.
		expect(listed.body.items.map((i: { title: string }) => i.title)).toContain('Bienvenue dans l’espace de discussion');
		expect((await t.call('/api/v1/tags/bienvenue')).body.items.length).toBeGreaterThan(0);

		const doc = await t.call('/api/v1/openapi.json');
		for (const path of ['/api/v1/communities/{slug}/threads', '/api/v1/threads/{id}', '/api/v1/messages/{id}/hidden', '/api/v1/tags/{tag}'])
			expect(doc.body.paths).toHaveProperty([path]);
	});
});

describe('the pages, without JavaScript', () => {
	it('posts from the community page, replies in the thread and keeps the text of a failed post', async () => {
		const word = tag();
		const failed = await t.alex.postForm(`/en/g/${PUBLIC}?/post`, { body: '   ', title: `Titre ${word}` });
		expect(failed.status).toBe(400);
		const failedPage = await failed.text();
		expect(failedPage).toContain(`Titre ${word}`);
		expect(failedPage).toContain('Write a message.');

		const posted = await t.alex.postForm(`/en/g/${PUBLIC}?/post`, { body: `Bonjour #page${word}`, title: '' });
		expect(posted.status).toBe(303);
		const community = await (await t.alex.follow(posted)).text();
		const link = community.match(new RegExp(`href="(/en/g/${PUBLIC}/t/[^"]+)"[^>]*>Bonjour #page${word}`))?.[1];
		expect(link).toBeTruthy();

		const page = await t.host.get(link!);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`href="/en/tags/page${word}"`);
		const replied = await t.host.postForm(`${link}?/reply`, { body: `Bien reçu ${word}` });
		expect(replied.status).toBe(303);
		const after = await (await t.host.follow(replied)).text();
		expect(after).toContain(`Bien reçu ${word}`);
		expect(after).toContain('2 messages');

		const tagPage = await client(t.app.url).get(`/en/tags/page${word}`);
		expect(await tagPage.text()).toContain(`Bonjour`);
		const reports = await t.host.get(`/en/g/${PUBLIC}/reports`);
		expect(reports.status).toBe(200);
		expect((await t.alex.get(`/en/g/${PUBLIC}/reports`)).status).toBe(403);
	});
});

describe('the thread page actions, without JavaScript', () => {
	it('edits, reports, hides, locks and deletes through plain forms, and hosts resolve reports', async () => {
		const word = tag();
		const made = await t.call(
			`/api/v1/communities/${PUBLIC}/threads`,
			as(t.alexToken, 'POST', { body: `Premier ${word}`, title: `Fil ${word}` })
		);
		const path = new URL(made.body.url).pathname;
		const messageId = made.body.messages[0].id;

		const blank = await t.alex.postForm(`${path}?/edit`, { messageId, body: '  ' });
		expect(blank.status).toBe(400);
		expect(await blank.text()).toContain('Write a message.');
		const edited = await t.alex.postForm(`${path}?/edit`, { messageId, body: `Corrigé ${word}` });
		expect([edited.status, edited.headers.get('location')]).toEqual([303, `${path}#m-${messageId}`]);
		const page = await (await t.alex.get(path)).text();
		expect(page).toContain(`Corrigé ${word}`);
		expect(page).toContain('(edited)');

		const reported = await t.host.postForm(`${path}?/report`, { messageId, reason: `Raison ${word}` });
		expect(reported.status).toBe(200);
		expect(await reported.text()).toContain('the hosts will see your report');
		const again = await t.host.postForm(`${path}?/report`, { messageId, reason: 'Encore' });
		expect(again.status).toBe(409);
		expect(await again.text()).toContain('You already reported this message.');

		const reports = await (await t.host.get(`/en/g/${PUBLIC}/reports`)).text();
		expect(reports).toContain(`Raison ${word}`);
		const reportId = reports.match(new RegExp(`Raison ${word}[\\s\\S]*?name="reportId" value="([^"]+)"`))?.[1];
		expect(reportId).toBeTruthy();

		expect((await t.alex.postForm(`${path}?/hide`, { messageId, hidden: '1' })).status).toBe(403);
		expect((await t.host.postForm(`${path}?/hide`, { messageId, hidden: '1' })).status).toBe(303);
		expect(await (await client(t.app.url).get(path)).text()).toContain('Message hidden by the hosts.');
		expect((await t.host.postForm(`${path}?/hide`, { messageId, hidden: '0' })).status).toBe(303);

		expect((await t.host.postForm(`/en/g/${PUBLIC}/reports?/resolve`, { reportId: reportId! })).status).toBe(200);
		expect(await (await t.host.get(`/en/g/${PUBLIC}/reports`)).text()).not.toContain(`Raison ${word}`);

		expect((await t.host.postForm(`${path}?/lock`, { locked: '1' })).status).toBe(303);
		const lockedPage = await (await t.alex.get(path)).text();
		expect(lockedPage).toContain('This discussion is locked');
		const refused = await t.alex.postForm(`${path}?/reply`, { body: `Trop tard ${word}` });
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain(`Trop tard ${word}`);
		expect((await t.host.postForm(`${path}?/lock`, { locked: '0' })).status).toBe(303);

		expect((await t.alex.postForm(`${path}?/delete`, { messageId })).status).toBe(303);
		expect(await (await t.alex.get(path)).text()).toContain('Message deleted.');
		expect((await client(t.app.url).postForm(`${path}?/reply`, { body: 'Anonyme' })).status).toBe(303);
	});
});

describe('leaks', () => {
	it('never shows threads, messages, counts or tags of closed and secret communities to anonymous visitors and non-members', async () => {
		const word = tag();
		const secret = `secret-${word}`;
		expect(
			(await t.call('/api/v1/communities', as(t.hostToken, 'POST', { slug: secret, name: `Cercle ${word}`, visibility: 'secret' }))).status
		).toBe(201);
		const made: { slug: string; id: string; messageId: string }[] = [];
		for (const slug of [CLOSED, secret]) {
			const res = await t.call(
				`/api/v1/communities/${slug}/threads`,
				as(t.hostToken, 'POST', { title: `Confidentiel ${word}`, body: `Texte caché ${word} #cache${word} @alex` })
			);
			expect(res.status).toBe(201);
			made.push({ slug, id: res.body.id, messageId: res.body.messages[0].id });
		}
		const anonymous = client(t.app.url);
		for (const { slug, id, messageId } of made) {
			for (const token of [undefined, t.alexToken]) {
				expect((await t.call(`/api/v1/communities/${slug}/threads`, as(token))).status).toBe(404);
				expect((await t.call(`/api/v1/threads/${id}`, as(token))).status).toBe(404);
				expect((await t.call(`/api/v1/threads/${id}/lock`, as(token, 'POST'))).status).toBe(token ? 404 : 401);
				const tagged = await t.call(`/api/v1/tags/cache${word}`, as(token));
				expect([tagged.status, tagged.body.items]).toEqual([200, []]);
			}
			expect((await t.call(`/api/v1/threads/${id}/messages`, as(t.alexToken, 'POST', { body: 'Intrus' }))).status).toBe(404);
			expect((await t.call(`/api/v1/messages/${messageId}/report`, as(t.alexToken, 'POST', { reason: 'x' }))).status).toBe(404);
			expect((await t.call(`/api/v1/messages/${messageId}`, as(t.alexToken, 'PATCH', { body: 'x' }))).status).toBe(404);
			for (const browser of [anonymous, t.alex]) {
				expect((await browser.get(`/en/g/${slug}/t/${id}`)).status).toBe(404);
				expect((await browser.get(`/en/g/${PUBLIC}/t/${id}`)).status).toBe(404);
				const tagPage = await (await browser.get(`/en/tags/cache${word}`)).text();
				expect(tagPage).not.toContain(`Texte caché ${word}`);
				const community = await browser.get(`/en/g/${slug}`);
				const text = await community.text();
				expect(text).not.toContain(`Confidentiel ${word}`);
				expect(text).not.toContain('id="discussions"');
			}
			// Members see it; the host is one.
			expect((await t.call(`/api/v1/threads/${id}`, as(t.hostToken))).status).toBe(200);
			expect(await (await t.host.get(`/en/g/${slug}`)).text()).toContain(`Confidentiel ${word}`);
		}
		// A mention of someone who may not read the thread tells them nothing.
		const notes = await t.call('/api/v1/me/notifications', as(t.alexToken));
		if (notes.status === 200) expect(JSON.stringify(notes.body)).not.toContain(word);
	});
});
