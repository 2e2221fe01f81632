// Spam protection over real HTTP, on an app started with low limits: past DM_LIMIT_PER_HOUR or SHARE_LIMIT_PER_HOUR,
// the API answers 429 problem+json with Retry-After, and the forms say why and keep what was typed.
// The rules themselves are covered on the use cases (conversations.test.ts, note-share-limit.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { ALEX_EMAIL, apiCall, signedIn, signUpOutsider, tag, tokenOf, type ApiCall, type Client } from './client.ts';

let app: RunningApp;
let alex: Client;
let alexToken: string;
beforeAll(async () => {
	app = await startApp({ env: { DM_LIMIT_PER_HOUR: '2', SHARE_LIMIT_PER_HOUR: '1' } });
	alex = await signedIn(app.url, ALEX_EMAIL);
	alexToken = await tokenOf(alex);
});
afterAll(() => app?.stop());

const call = (path: string, options: ApiCall) => apiCall(app.url, path, options);
const post = (token: string, body: unknown): ApiCall => ({ token, method: 'POST', body });

function expectLimited(answer: Awaited<ReturnType<typeof call>>, code: string) {
	expect(answer.status).toBe(429);
	expect(answer.headers.get('content-type')).toBe('application/problem+json');
	expect(answer.body).toMatchObject({ type: '/problems/rate-limited', status: 429, errors: { _: [code] } });
	const retryAfter = Number(answer.headers.get('retry-after'));
	expect(retryAfter).toBeGreaterThan(3000);
	expect(retryAfter).toBeLessThanOrEqual(3600);
	expect(answer.body.retryAfter).toBe(retryAfter);
}

describe('direct messages', () => {
	it('answers 429 with Retry-After past the sender’s limit, and the form keeps the message', async () => {
		const host = 'marie-soleil';
		const first = await call('/api/v1/conversations', post(alexToken, { handles: host, body: 'Bonjour Marie-Soleil' }));
		expect(first.status).toBe(201);
		const id = first.body.id as string;
		expect((await call(`/api/v1/conversations/${id}/messages`, post(alexToken, { body: 'Deuxième' }))).status).toBe(201);
		expectLimited(await call(`/api/v1/conversations/${id}/messages`, post(alexToken, { body: 'Troisième' })), 'dm_rate_limited');
		expectLimited(await call('/api/v1/conversations', post(alexToken, { handles: host, body: 'Encore' })), 'dm_rate_limited');

		const text = `Un message à garder ${tag()}`;
		const form = await alex.postForm(`/en/messages/${id}?/send`, { body: text });
		expect(form.status).toBe(429);
		const html = await form.text();
		expect(html).toContain('You have sent many direct messages in the last hour.');
		expect(html).toContain(text);
		const fr = await alex.postForm(`/fr/messages/new`, { handles: host, body: text });
		expect(fr.status).toBe(429);
		expect(await fr.text()).toContain('Vous avez envoyé beaucoup de messages privés dans la dernière heure.');
		const view = await call(`/api/v1/conversations/${id}`, { token: alexToken });
		expect(view.body.messages.map((m: { body: string }) => m.body)).toEqual(['Bonjour Marie-Soleil', 'Deuxième']);
	});
});

describe('note shares', () => {
	it('answers 429 with Retry-After past the author’s limit, and the form keeps the comment', async () => {
		// A new person, so that no earlier share (the demo content's) counts: they start a community and write in it.
		const author = await signUpOutsider(app);
		const token = await tokenOf(author);
		const slug = `partages-${tag()}`;
		expect((await call('/api/v1/communities', post(token, { slug, name: `Partages ${slug}`, visibility: 'public' }))).status).toBe(201);
		const form = await (await author.get('/en/n/new')).text();
		const communityId = form.match(new RegExp(`<option value="([^"]+)"[^>]*>Partages ${slug}</option>`))?.[1];
		expect(communityId).toBeDefined();
		const note = await call(
			'/api/v1/notes',
			post(token, { title: `Note ${tag()}`, summary: 'Résumé', body: 'Corps', visibility: 'public', communityId, status: 'published' })
		);
		expect(note.status).toBe(201);

		expect((await call(`/api/v1/notes/${note.body.id}/share`, post(token, {}))).status).toBe(201);
		expectLimited(await call(`/api/v1/notes/${note.body.id}/share`, post(token, { comment: 'Encore' })), 'share_rate_limited');
		const comment = `Un commentaire à garder ${tag()}`;
		const page = await author.postForm(`/fr/n/${note.body.id}/discuss?/share`, { comment });
		expect(page.status).toBe(429);
		const html = await page.text();
		expect(html).toContain('Vous avez partagé beaucoup de notes dans la dernière heure.');
		expect(html).toContain(comment);
	});
});
