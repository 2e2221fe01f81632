// Notifications over real HTTP: the bell, the page and its forms without JavaScript, the API, and the leak rule: who
// left a closed community hears nothing more of it, in the list, the count or the API.
import { describe, expect, it } from 'vitest';
import { client, signedIn, tag, useApp, type ApiCall } from './client.ts';

const t = useApp();
const as = (token: string | undefined, method = 'GET', body?: unknown): ApiCall => ({
	token,
	method,
	body: body ?? (method === 'GET' ? undefined : {})
});
type Item = { id: string; kind: string; text: string; url: string | null; read: boolean; community: { slug: string } | null };

async function closedCommunity() {
	const slug = `notif-${tag()}`;
	const made = await t.call('/api/v1/communities', as(t.hostToken, 'POST', { slug, name: `Cercle ${slug}`, visibility: 'closed' }));
	expect(made.status).toBe(201);
	return slug;
}

/** Alex asks to join a closed community of the host's and the host approves (the page's form, without JavaScript). */
async function alexJoins(slug: string) {
	expect((await t.call(`/api/v1/communities/${slug}/membership`, as(t.alexToken, 'POST'))).status).toBe(200);
	const alexId = (await t.call('/api/v1/me', as(t.alexToken))).body.id as string;
	const decided = await t.host.postForm(`/en/g/${slug}?/decide`, { accountId: alexId, decision: 'approve' });
	expect(decided.status).toBe(200);
}

const listOf = async (token: string) => (await t.call('/api/v1/notifications?limit=100', as(token))).body.items as Item[];
const unreadOf = async (token: string) => (await t.call('/api/v1/notifications/unread-count', as(token))).body.unread as number;

describe('the API', () => {
	it('lists, counts and marks read; 401 without an account, 404 for someone else’s', async () => {
		const slug = await closedCommunity();
		const before = await unreadOf(t.hostToken);
		await alexJoins(slug);
		const [request] = (await listOf(t.hostToken)).filter((i) => i.community?.slug === slug);
		expect(request).toMatchObject({ kind: 'membership_request', read: false, url: `${t.app.url}/en/g/${slug}` });
		expect(request.text).toBe(`Alex Tremblay asks to join Cercle ${slug}`);
		expect(await unreadOf(t.hostToken)).toBe(before + 1);
		const fr = await t.call('/api/v1/notifications?limit=100', { ...as(t.hostToken), headers: { 'accept-language': 'fr' } });
		expect(fr.body.items.find((i: Item) => i.id === request.id).text).toBe(`Alex Tremblay demande à rejoindre Cercle ${slug}`);
		const [approved] = (await listOf(t.alexToken)).filter((i) => i.community?.slug === slug);
		expect(approved).toMatchObject({ kind: 'membership_approved', text: `Your request to join Cercle ${slug} was approved` });

		expect((await t.call('/api/v1/notifications')).status).toBe(401);
		expect((await t.call('/api/v1/notifications/unread-count')).status).toBe(401);
		expect((await t.call(`/api/v1/notifications/${request.id}/read`, as(t.alexToken, 'POST'))).status).toBe(404);
		expect((await t.call(`/api/v1/notifications/${request.id}/read`, as(t.hostToken, 'POST'))).status).toBe(204);
		expect((await listOf(t.hostToken)).find((i) => i.id === request.id)?.read).toBe(true);
		expect(await unreadOf(t.hostToken)).toBe(before);
		expect((await t.call('/api/v1/notifications/read-all', as(t.alexToken, 'POST'))).status).toBe(204);
		expect(await unreadOf(t.alexToken)).toBe(0);
		expect((await t.call('/api/v1/notifications?cursor=nope', as(t.alexToken))).status).toBe(422);

		// Paging: one at a time, newest first, no repeats.
		const first = await t.call('/api/v1/notifications?limit=1', as(t.hostToken));
		const second = await t.call(`/api/v1/notifications?limit=1&cursor=${first.body.next}`, as(t.hostToken));
		expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
	});

	it('forgets a closed community’s threads for a member who left it (list, count, API)', async () => {
		const slug = await closedCommunity();
		await alexJoins(slug);
		await t.call('/api/v1/notifications/read-all', as(t.alexToken, 'POST'));
		const title = `Fil secret ${tag()}`;
		const started = await t.call(`/api/v1/communities/${slug}/threads`, as(t.hostToken, 'POST', { title, body: 'Entre nous.' }));
		expect(started.status).toBe(201);
		expect((await listOf(t.alexToken)).some((i) => i.text.includes(title))).toBe(true);
		expect(await unreadOf(t.alexToken)).toBe(1);

		expect((await t.call(`/api/v1/communities/${slug}/membership`, as(t.alexToken, 'DELETE'))).status).toBe(204);
		expect((await listOf(t.alexToken)).some((i) => i.text.includes(title) || i.community?.slug === slug)).toBe(false);
		expect(await unreadOf(t.alexToken)).toBe(0);
		const page = await (await t.alex.get('/en/notifications')).text();
		expect(page).not.toContain(title);
	});
});

describe('notes shared into a community', () => {
	const PUBLIC = 'en-commun-soutien-et-developpement';

	it('forget a note made private, for its readers: the count, the page and the API no longer show it', async () => {
		const form = await (await t.host.get('/en/n/new')).text();
		const communityId = form.match(/<option value="([^"]+)"[^>]*>En commun - soutien et développement<\/option>/)?.[1];
		expect(communityId).toBeDefined();
		const title = `Note partagée ${tag()}`;
		const made = await t.call(
			'/api/v1/notes',
			as(t.hostToken, 'POST', { title, summary: `Résumé ${title}`, body: 'Corps', visibility: 'public', communityId, status: 'published' })
		);
		expect(made.status).toBe(201);
		await t.call('/api/v1/notifications/read-all', as(t.alexToken, 'POST'));
		expect((await t.call(`/api/v1/notes/${made.body.id}/share`, as(t.hostToken, 'POST'))).status).toBe(201);
		const shared = (await listOf(t.alexToken)).filter((i) => i.kind === 'note_shared' && i.text.includes(title));
		expect(shared).toHaveLength(1);
		expect(shared[0].url).toMatch(new RegExp(`/en/g/${PUBLIC}/t/`));
		expect(await unreadOf(t.alexToken)).toBe(1);
		expect(await (await t.alex.get('/en/notifications')).text()).toContain(title);

		const current = (await t.call(`/api/v1/notes/${made.body.id}`, as(t.hostToken))).body.revisionId;
		const patched = await t.call(
			`/api/v1/notes/${made.body.id}`,
			as(t.hostToken, 'PATCH', { visibility: 'private', baseRevisionId: current })
		);
		expect(patched.status).toBe(200);
		expect((await listOf(t.alexToken)).some((i) => i.text.includes(title))).toBe(false);
		expect(await unreadOf(t.alexToken)).toBe(0);
		const home = await (await t.alex.get('/en')).text();
		expect(home).toMatch(/data-unread="0"/);
		const page = await (await t.alex.get('/en/notifications')).text();
		expect(page).not.toContain(title);
		expect((await t.call(`/api/v1/notifications/${shared[0].id}/read`, as(t.alexToken, 'POST'))).status).toBe(404);
	});
});

describe('the pages', () => {
	it('shows the bell with the count to signed-in people only, lists, and marks read without JavaScript', async () => {
		const slug = await closedCommunity();
		await t.call('/api/v1/notifications/read-all', as(t.hostToken, 'POST'));
		await alexJoins(slug);
		const home = await (await t.host.get('/en')).text();
		expect(home).toMatch(/data-notification-bell[^>]*data-unread="1"|data-unread="1"[^>]*data-notification-bell/);
		expect(home).toContain('Notifications (1 unread)');
		const anonymousHome = await (await client(t.app.url).get('/en')).text();
		expect(anonymousHome).not.toContain('data-notification-bell');

		const list = await t.host.get('/en/notifications');
		expect(list.status).toBe(200);
		const html = await list.text();
		expect(html).toContain(`Alex Tremblay asks to join Cercle ${slug}`);
		expect(html).toContain(`href="/en/g/${slug}"`);
		const id = html.match(/name="id" value="([^"]+)"/)?.[1];
		expect(id).toBeDefined();
		const read = await t.host.postForm('/en/notifications?/read', { id: id! });
		expect(read.status).toBe(200);
		expect(await unreadOf(t.hostToken)).toBe(0);

		await alexJoins(await closedCommunity());
		const all = await t.host.postForm('/en/notifications?/readAll', {});
		expect(all.status).toBe(303);
		expect(all.headers.get('location')).toBe('/en/notifications?all-read');
		expect(await unreadOf(t.hostToken)).toBe(0);

		const fr = await (await t.host.get('/fr/notifications')).text();
		expect(fr).toContain(`Alex Tremblay demande à rejoindre Cercle ${slug}`);
		const anonymous = await client(t.app.url).get('/en/notifications');
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/en\/sign-in\?next=/);
	});

	it('explains an empty list', async () => {
		// The demo admin is in no community and has never been notified.
		const admin = await signedIn(t.app.url, 'admin@commonplace.localhost');
		const html = await (await admin.get('/en/notifications')).text();
		expect(html).toContain('Nothing new');
		expect(html).toContain('You will be told here when someone replies to you');
		expect(html).toMatch(/data-unread="0"/);
	});

	it('saves email preferences per community from the settings form', async () => {
		const slug = await closedCommunity();
		await alexJoins(slug);
		const page = await (await t.alex.get('/en/settings/notifications')).text();
		expect(page).toContain(`Cercle ${slug}`);
		const field = page.match(new RegExp(`name="(c_[^"]+)" value="daily" checked`))?.[1];
		expect(field, 'a community defaults to the daily digest').toBeDefined();
		const fields: Record<string, string> = {};
		for (const m of page.matchAll(/name="(c_[^"]+)" value="([a-z]+)" checked/g)) fields[m[1]] = m[2];
		const saved = await t.alex.postForm('/en/settings/notifications', { ...fields, [field!]: 'weekly', personal: 'on' });
		expect(saved.status).toBe(200);
		const again = await (await t.alex.get('/en/settings/notifications')).text();
		expect(again).toContain(`name="${field}" value="weekly" checked`);
		expect((await t.alex.postForm('/en/settings/notifications', { [field!]: 'sometimes' })).status).toBe(400);
	});
});
