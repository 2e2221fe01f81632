// Notes in discussions over real HTTP (issue 6): "Discuss this note" on the seed note leads to its thread in « En
// commun - soutien et développement »; the forms work without JavaScript; authors share a note (a card, and members
// are notified); the API finds, starts and shares. Leak tests: a closed community's note thread (link, count, API)
// never shows to non-members, and a note card never shows a note the reader may not see.
// src/lib/server/discussions/note-threads.test.ts covers the rules on the use cases.
import { beforeAll, describe, expect, it } from 'vitest';
import { client, SEED_NOTE, signUpOutsider, tag, useApp, type ApiCall } from './client.ts';
import { openSse } from './sse.ts';

const t = useApp();
const PUBLIC = 'en-commun-soutien-et-developpement';
const CLOSED = 'bibliotheques-tiers-lieux';
const as = (token: string | undefined, method = 'GET', body?: unknown): ApiCall => ({ token, method, body });
const communityIds: Record<string, string> = {};

/** A published note by Marie-Soleil (who hosts both demo communities), linked to one of them. */
async function noteIn(slug: string, visibility: 'public' | 'community', title = `Note ${tag()} ${tag()}`) {
	const made = await t.call(
		'/api/v1/notes',
		as(t.hostToken, 'POST', {
			title,
			summary: `Résumé ${title}`,
			body: `Corps secret ${title}`,
			visibility,
			communityId: communityIds[slug],
			status: 'published'
		})
	);
	expect(made.status).toBe(201);
	return { id: made.body.id as string, title };
}

const threadLink = (slug: string) => new RegExp(`href="/en/g/${slug}/t/([A-Za-z0-9_-]+)"`);

beforeAll(async () => {
	const form = await (await t.host.get('/en/n/new')).text();
	for (const [slug, name] of [
		[PUBLIC, 'En commun - soutien et développement'],
		[CLOSED, 'Bibliothèques et tiers-lieux citoyens']
	]) {
		const id = form.match(new RegExp(`<option value="([^"]+)"[^>]*>${name}</option>`))?.[1];
		expect(id, slug).toBeDefined();
		communityIds[slug] = id!;
	}
});

describe('the seed note', () => {
	it('"Discuss this note" leads to its thread in « En commun - soutien et développement », with a count on the note page', async () => {
		const anonymous = client(t.app.url);
		const page = await (await anonymous.get(`/fr/n/${SEED_NOTE}`)).text();
		const link = page.match(
			new RegExp(`href="/fr/g/${PUBLIC}/t/([A-Za-z0-9_-]+)"[^>]*>Discuter de cette note dans En commun - soutien et développement<`)
		);
		expect(link).not.toBeNull();
		const threadId = link![1];
		expect(page).toMatch(/3 messages/);

		const api = await t.call(`/api/v1/notes/${SEED_NOTE}/thread`);
		expect(api.status).toBe(200);
		expect(api.body).toMatchObject({
			id: threadId,
			title: "Atelier 4 - Présenter et rêver le modèle de soutenabilité d'En commun",
			community: { slug: PUBLIC, name: 'En commun - soutien et développement' },
			messageCount: 3
		});

		const thread = await anonymous.get(`/fr/g/${PUBLIC}/t/${threadId}`);
		expect(thread.status).toBe(200);
		const html = await thread.text();
		expect(html).toContain(`class="note-card card"`);
		expect(html).toContain(`href="/fr/n/${SEED_NOTE}"`);
		expect(html).toContain('Voici le compte rendu de l’atelier 4');
		expect(html).not.toContain('Groupe 1 - Ancrages territoriaux');
		// The API carries the same card, on the message that shares the note.
		const threadJson = await t.call(`/api/v1/threads/${threadId}`);
		const shared = threadJson.body.messages.filter((m: { note: unknown }) => m.note !== null);
		expect(shared).toHaveLength(1);
		expect(shared[0].note).toMatchObject({
			id: SEED_NOTE,
			title: "Atelier 4 - Présenter et rêver le modèle de soutenabilité d'En commun",
			authors: [{ handle: 'marie-soleil', name: "Marie-Soleil L'Allier" }],
			url: `${t.app.url}/en/n/${SEED_NOTE}`
		});

		// A member follows the same way: the form answers with the thread, the page without a thread redirects there.
		const started = await t.alex.postForm(`/en/n/${SEED_NOTE}/discuss?/start`, {});
		expect([started.status, started.headers.get('location')]).toEqual([303, `/en/g/${PUBLIC}/t/${threadId}`]);
		const visited = await t.alex.get(`/en/n/${SEED_NOTE}/discuss`);
		expect([visited.status, visited.headers.get('location')]).toEqual([303, `/en/g/${PUBLIC}/t/${threadId}`]);
		const again = await t.call(`/api/v1/notes/${SEED_NOTE}/thread`, as(t.alexToken, 'POST'));
		expect([again.status, again.body.id]).toEqual([200, threadId]);
	});
});

describe('discussing and sharing a note', () => {
	it('starts the thread from the note page without JavaScript, then shares it with a comment and notifies members', async () => {
		const note = await noteIn(PUBLIC, 'public');
		const anonymous = client(t.app.url);
		const before = await (await anonymous.get(`/en/n/${note.id}`)).text();
		expect(before).toContain(`href="/en/sign-in?next=${encodeURIComponent(`/en/n/${note.id}`)}"`);
		expect(before).not.toMatch(threadLink(PUBLIC));
		expect((await t.call(`/api/v1/notes/${note.id}/thread`)).status).toBe(404);

		// Someone in no community is invited to join it first; the form is for members.
		const outsider = await signUpOutsider(t.app);
		const outside = await (await outsider.get(`/en/n/${note.id}`)).text();
		expect(outside).toContain(`<a href="/en/g/${PUBLIC}">Join En commun - soutien et développement to discuss this note.</a>`);
		expect(outside).not.toContain('?/start');
		const refused = await outsider.postForm(`/en/n/${note.id}/discuss?/start`, {});
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain('Only active members of the community can write here.');

		const page = await (await t.alex.get(`/en/n/${note.id}`)).text();
		expect(page).toContain(`action="/en/n/${note.id}/discuss?/start"`);
		expect(page).not.toContain('?/share'); // alex is not an author
		const started = await t.alex.postForm(`/en/n/${note.id}/discuss?/start`, {});
		expect(started.status).toBe(303);
		const threadId = started.headers.get('location')!.match(/\/t\/([^/#]+)$/)![1];
		const thread = await (await t.alex.follow(started)).text();
		expect(thread).toContain(`href="/en/n/${note.id}"`);
		expect(thread).toContain(`Résumé ${note.title}`);
		expect(thread).not.toContain(`Corps secret`);

		// Anonymous readers now see the link and the public count: the cached page was emptied by the write.
		const after = await (await anonymous.get(`/en/n/${note.id}`)).text();
		expect(after.match(threadLink(PUBLIC))?.[1]).toBe(threadId);
		expect(after).toMatch(/1 message\b/);

		// The author shares it: a comment under a second card; alex hears of it.
		const authorPage = await (await t.host.get(`/en/n/${note.id}?published`)).text();
		expect(authorPage).toContain(`action="/en/n/${note.id}/discuss?/share"`);
		const comment = `Partagée pour le #test${tag()}`;
		const tooLong = await t.host.postForm(`/en/n/${note.id}/discuss?/share`, { comment: `${comment} ${'x'.repeat(20_001)}` });
		expect(tooLong.status).toBe(400);
		expect(await tooLong.text()).toContain(comment);
		// Readers of the community's discussion see it arrive live; alex's bell rings.
		const live = await openSse(`${t.app.url}/api/v1/events?community=${PUBLIC}`);
		const bell = await openSse(`${t.app.url}/api/v1/events`, { authorization: `Bearer ${t.alexToken}` });
		await Promise.all([live, bell].map((s) => s.waitFor(/connected/)));
		const shared = await t.host.postForm(`/en/n/${note.id}/discuss?/share`, { comment });
		expect(shared.status).toBe(303);
		const [, sharedThread, messageId] = shared.headers.get('location')!.match(/\/t\/([^/#]+)#m-(.+)$/)!;
		expect(sharedThread).toBe(threadId);
		try {
			await live.next((d) => d.type === 'message' && d.change === 'created' && d.threadId === threadId && d.messageId === messageId);
			await bell.next((d) => d.type === 'notification');
		} finally {
			live.close();
			bell.close();
		}
		const notifications = await t.call('/api/v1/notifications?limit=50', as(t.alexToken));
		const notice = notifications.body.items.find(
			(n: { kind: string; url: string }) => n.kind === 'note_shared' && n.url.endsWith(`#m-${messageId}`)
		);
		expect(notice).toMatchObject({ excerpt: expect.stringContaining('Partagée pour le'), community: { slug: PUBLIC } });
		expect(notice.url).toBe(`${t.app.url}/en/g/${PUBLIC}/t/${threadId}#m-${messageId}`);
		expect(notice.text).toContain(note.title);

		// Over the API: find (200), share with an empty body (201), and only its authors share.
		const found = await t.call(`/api/v1/notes/${note.id}/thread`, as(t.hostToken, 'POST'));
		expect([found.status, found.body.id, found.body.messageCount]).toEqual([200, threadId, 2]);
		const byApi = await t.call(`/api/v1/notes/${note.id}/share`, as(t.hostToken, 'POST'));
		expect(byApi.status).toBe(201);
		expect(byApi.headers.get('location')).toMatch(new RegExp(`/api/v1/threads/${threadId}$`));
		expect(byApi.body.url).toMatch(new RegExp(`/en/g/${PUBLIC}/t/${threadId}#m-${byApi.body.messageId}$`));
		const notAuthor = await t.call(`/api/v1/notes/${note.id}/share`, as(t.alexToken, 'POST', { comment: 'Moi aussi' }));
		expect([notAuthor.status, notAuthor.body.errors]).toEqual([403, { _: ['discussion_share_authors_only'] }]);
		expect((await t.call(`/api/v1/notes/${note.id}/share`, as(undefined, 'POST'))).status).toBe(401);
		expect((await t.call(`/api/v1/notes/${note.id}/thread`)).body.messageCount).toBe(3);
	});

	it('makes the thread through the API on first use (201), and refuses a draft', async () => {
		const note = await noteIn(PUBLIC, 'public');
		const made = await t.call(`/api/v1/notes/${note.id}/thread`, as(t.alexToken, 'POST'));
		expect(made.status).toBe(201);
		expect(made.body).toMatchObject({ title: note.title, messageCount: 1, community: { slug: PUBLIC } });
		expect(made.headers.get('location')).toMatch(new RegExp(`/api/v1/threads/${made.body.id}$`));
		const got = await t.call(`/api/v1/notes/${note.id}/thread`);
		expect([got.status, got.body.id]).toEqual([200, made.body.id]);

		const draft = await t.call(
			'/api/v1/notes',
			as(t.hostToken, 'POST', { title: `Brouillon ${tag()}`, visibility: 'public', communityId: communityIds[PUBLIC] })
		);
		const refused = await t.call(`/api/v1/notes/${draft.body.id}/thread`, as(t.hostToken, 'POST'));
		expect([refused.status, refused.body.errors]).toEqual([422, { _: ['discussion_note_not_discussable'] }]);
		expect((await t.call(`/api/v1/notes/${draft.body.id}/thread`, as(t.alexToken, 'POST'))).status).toBe(404);

		const doc = await t.call('/api/v1/openapi.json');
		expect(doc.body.paths['/api/v1/notes/{id}/thread']).toHaveProperty(['get']);
		expect(doc.body.paths['/api/v1/notes/{id}/thread']).toHaveProperty(['post']);
		expect(doc.body.paths['/api/v1/notes/{id}/share']).toHaveProperty(['post']);
	});
});

describe('leaks', () => {
	it('a closed community’s note thread: no link, no count, no API answer for non-members, refused alike before and after it exists', async () => {
		const note = await noteIn(CLOSED, 'public');
		const anonymous = client(t.app.url);
		const refusedBefore = await t.call(`/api/v1/notes/${note.id}/thread`, as(t.alexToken, 'POST'));
		const started = await t.host.postForm(`/en/n/${note.id}/discuss?/start`, {});
		expect(started.status).toBe(303);
		const threadId = started.headers.get('location')!.match(/\/t\/([^/#]+)$/)![1];
		await t.host.postForm(`/en/n/${note.id}/discuss?/share`, { comment: `Message réservé ${tag()}` });
		const refusedAfter = await t.call(`/api/v1/notes/${note.id}/thread`, as(t.alexToken, 'POST'));
		expect([refusedAfter.status, refusedAfter.body.errors]).toEqual([refusedBefore.status, refusedBefore.body.errors]);
		expect(refusedAfter.status).toBe(403);

		for (const [who, browser, token] of [
			['anonymous', anonymous, undefined],
			['alex', t.alex, t.alexToken]
		] as const) {
			const page = await browser.get(`/en/n/${note.id}`);
			expect(page.status, who).toBe(200); // the note is public
			const html = await page.text();
			expect(html, who).not.toContain(threadId);
			expect(html, who).not.toContain(`/g/${CLOSED}/t/`);
			expect(html, who).not.toContain('note-discussion');
			expect(html, who).not.toMatch(/\d+ messages?\b/);
			expect((await t.call(`/api/v1/notes/${note.id}/thread`, as(token))).status, who).toBe(404);
			expect((await browser.get(`/en/g/${CLOSED}/t/${threadId}`)).status, who).toBe(404);
			const from = t.app.logs.length;
			const discuss = await browser.get(`/en/n/${note.id}/discuss`);
			expect(discuss.status, `${who}: ${t.app.logs.slice(from).join('\n')}`).toBe(200);
			expect(await discuss.text(), who).not.toContain(threadId);
		}
		const own = await t.call(`/api/v1/notes/${note.id}/thread`, as(t.hostToken));
		expect([own.status, own.body.id, own.body.messageCount]).toEqual([200, threadId, 2]);
		const hostPage = await (await t.host.get(`/en/n/${note.id}`)).text();
		expect(hostPage).toContain(`/en/g/${CLOSED}/t/${threadId}`);
	});

	it('a community note discussed in a public community: readers who may not see it get no card, no title, no link', async () => {
		const note = await noteIn(PUBLIC, 'community', `Réservée ${tag()} ${tag()}`);
		const made = await t.call(`/api/v1/notes/${note.id}/thread`, as(t.alexToken, 'POST'));
		expect(made.status).toBe(201);
		expect(made.body.title).toBe('');
		const threadId = made.body.id;
		await t.call(`/api/v1/threads/${threadId}/messages`, as(t.alexToken, 'POST', { body: 'Qu’en pensez-vous?' }));

		const anonymous = client(t.app.url);
		expect((await anonymous.get(`/en/n/${note.id}`)).status).toBe(404);
		expect((await t.call(`/api/v1/notes/${note.id}/thread`)).status).toBe(404);
		const thread = await anonymous.get(`/en/g/${PUBLIC}/t/${threadId}`);
		expect(thread.status).toBe(200); // the discussion of a public community is public; the note is not
		const html = await thread.text();
		expect(html).not.toContain(note.title);
		expect(html).not.toContain(`/n/${note.id}`);
		expect(html).not.toContain('note-card');
		const api = await t.call(`/api/v1/threads/${threadId}`);
		expect(JSON.stringify(api.body)).not.toContain(note.title);
		expect(api.body.messages.map((m: { note: unknown }) => m.note)).toEqual([null, null]);
		const forMember = await t.call(`/api/v1/threads/${threadId}`, as(t.alexToken));
		expect(forMember.body.messages[0].note).toMatchObject({ id: note.id, title: note.title });
		const list = await t.call(`/api/v1/communities/${PUBLIC}/threads?limit=100`);
		expect(JSON.stringify(list.body)).not.toContain(note.title);

		const member = await (await t.alex.get(`/en/g/${PUBLIC}/t/${threadId}`)).text();
		expect(member).toContain(`href="/en/n/${note.id}"`);
		expect(member).toContain(note.title);
	});
});
