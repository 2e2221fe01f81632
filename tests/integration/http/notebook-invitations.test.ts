// Notebook invitations over real HTTP: a manager invites, the invitee accepts or declines, through the API and
// through the pages without JavaScript; until they accept, a private notebook stays hidden from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { apiCall, HOST_EMAIL, signedIn, tokenOf, type ApiCall, type Client } from './client.ts';

let app: RunningApp;
let host: Client;
let alex: Client;
let hostToken: string;
let alexToken: string;
const call = (path: string, options?: ApiCall) => apiCall(app.url, path, options);
const tag = () => Math.random().toString(36).slice(2, 8);
const as = (token: string, method: string, body?: unknown): ApiCall => ({
	token,
	method,
	body: body ?? (method === 'GET' ? undefined : {})
});

beforeAll(async () => {
	app = await startApp();
	host = await signedIn(app.url, HOST_EMAIL);
	hostToken = await tokenOf(host);
	alex = await signedIn(app.url, 'alex@commonplace.localhost');
	alexToken = await tokenOf(alex);
});
afterAll(() => app?.stop());

async function notebook(visibility: 'public' | 'private') {
	const made = await call('/api/v1/notebooks', as(hostToken, 'POST', { title: `Carnet ${visibility} ${tag()}`, visibility }));
	expect(made.status).toBe(201);
	return made.body as { id: string; title: string };
}

describe('the members API', () => {
	it('invites, keeps a private notebook hidden until the invitee accepts, then manages roles', async () => {
		const nb = await notebook('private');
		const members = `/api/v1/notebooks/${nb.id}/members`;
		expect((await call(members, as(alexToken, 'GET'))).status).toBe(404);

		const invited = await call(members, as(hostToken, 'POST', { handle: '@alex' }));
		expect(invited.status).toBe(201);
		expect(invited.headers.get('location')).toBe(`${app.url}${members}`);
		expect(invited.body).toMatchObject({
			handle: 'alex',
			name: 'Alex Tremblay',
			role: 'contributor',
			invitedBy: { handle: 'marie-soleil' }
		});
		const again = await call(members, as(hostToken, 'POST', { handle: 'alex', role: 'manager' }));
		expect([again.status, again.body.errors]).toEqual([409, { handle: ['notebook_invitation_already'] }]);
		const nobody = await call(members, as(hostToken, 'POST', { handle: `personne-${tag()}` }));
		expect([nobody.status, nobody.body.errors]).toEqual([422, { handle: ['author_not_found'] }]);
		expect((await call(members, as(hostToken, 'POST', { handle: 'alex', role: 'owner' }))).status).toBe(422);

		// The invitee learns the title and no more: the notebook itself still answers 404.
		const mine = await call('/api/v1/me/invitations', as(alexToken, 'GET'));
		expect(mine.body.notebooks).toContainEqual(
			expect.objectContaining({ notebook: expect.objectContaining({ id: nb.id, title: nb.title }), role: 'contributor' })
		);
		expect((await call(`/api/v1/notebooks/${nb.id}`, as(alexToken, 'GET'))).status).toBe(404);
		expect((await call(members, as(alexToken, 'POST', { handle: 'admin-demo' }))).status).toBe(404);
		expect((await call('/api/v1/me/invitations')).status).toBe(401);

		const listed = await call(members, as(hostToken, 'GET'));
		expect(listed.body.items.map((m: { handle: string }) => m.handle)).toEqual(['marie-soleil']);
		expect(listed.body.invitations.map((i: { handle: string }) => i.handle)).toEqual(['alex']);

		const accepted = await call(`/api/v1/notebooks/${nb.id}/invitation`, as(alexToken, 'POST'));
		expect([accepted.status, accepted.body]).toEqual([200, expect.objectContaining({ handle: 'alex', role: 'contributor' })]);
		expect((await call(`/api/v1/notebooks/${nb.id}`, as(alexToken, 'GET'))).status).toBe(200);
		const seen = await call(members, as(alexToken, 'GET'));
		expect(seen.body.items.map((m: { handle: string; role: string }) => [m.handle, m.role])).toEqual([
			['marie-soleil', 'manager'],
			['alex', 'contributor']
		]);
		expect(seen.body).not.toHaveProperty('invitations');
		expect((await call(members, as(alexToken, 'POST', { handle: 'admin-demo' }))).status).toBe(403);

		// Roles: promote, demote, and the last manager stays one.
		expect((await call(`${members}/alex`, as(hostToken, 'PATCH', { role: 'manager' }))).status).toBe(204);
		expect((await call(members, as(alexToken, 'GET'))).body).toHaveProperty('invitations');
		expect((await call(`${members}/alex`, as(hostToken, 'PATCH', { role: 'contributor' }))).status).toBe(204);
		const last = await call(`${members}/marie-soleil`, as(hostToken, 'PATCH', { role: 'contributor' }));
		expect([last.status, last.body.errors]).toEqual([409, { _: ['notebook_last_manager'] }]);
		expect((await call(`${members}/marie-soleil`, as(hostToken, 'DELETE'))).status).toBe(409);
		expect((await call(`${members}/alex`, as(alexToken, 'DELETE'))).status).toBe(403);

		expect((await call(`${members}/alex`, as(hostToken, 'DELETE'))).status).toBe(204);
		expect((await call(`/api/v1/notebooks/${nb.id}`, as(alexToken, 'GET'))).status).toBe(404);
		expect((await call(`${members}/alex`, as(hostToken, 'DELETE'))).status).toBe(404);
	});

	it('lets the invitee decline, and a manager withdraw', async () => {
		const nb = await notebook('public');
		const members = `/api/v1/notebooks/${nb.id}/members`;
		const invitation = `/api/v1/notebooks/${nb.id}/invitation`;
		await call(members, as(hostToken, 'POST', { handle: 'alex' }));
		expect((await call(invitation, as(alexToken, 'DELETE'))).status).toBe(204);
		expect((await call(invitation, as(alexToken, 'DELETE'))).status).toBe(404);
		const mine = await call('/api/v1/me/invitations', as(alexToken, 'GET'));
		expect(mine.body.notebooks.map((i: { notebook: { id: string } }) => i.notebook.id)).not.toContain(nb.id);

		await call(members, as(hostToken, 'POST', { handle: 'alex', role: 'manager' }));
		expect((await call(`${members}/ALEX`, as(hostToken, 'DELETE'))).status).toBe(204);
		expect((await call(invitation, as(alexToken, 'POST'))).status).toBe(404);
		expect((await call(members, as(hostToken, 'GET'))).body.invitations).toEqual([]);
		expect((await call(invitation, { method: 'POST', body: {} })).status).toBe(401);
	});
});

describe('the pages, without JavaScript', () => {
	it('invite on the notebook page, accept on “My notes”, then add a note as a contributor', async () => {
		const nb = await notebook('private');
		const page = `/fr/c/${nb.id}`;

		const unknown = await host.postForm(`${page}?/invite`, { handle: 'personne-inconnue', role: 'contributor' });
		expect(unknown.status).toBe(422);
		const kept = await unknown.text();
		expect(kept).toContain('value="personne-inconnue"');
		expect(kept).toContain('Personne n’a cet identifiant');

		const invited = await host.postForm(`${page}?/invite`, { handle: 'alex', role: 'contributor' });
		expect(invited.status).toBe(200);
		expect(await invited.text()).toContain('Invitation envoyée à Alex Tremblay');
		const managerView = await (await host.get(page)).text();
		expect(managerView).toContain('Invitations en attente');
		expect(managerView).toContain('Annuler l’invitation');

		// Before accepting, the page is a 404 for Alex; "My notes" shows the invitation.
		expect((await alex.get(page)).status).toBe(404);
		const myNotes = await (await alex.get('/fr/notes')).text();
		expect(myNotes).toContain(`vous invite à participer au carnet « ${nb.title} »`);

		const accepted = await alex.postForm('/fr/notes?/answerNotebook', { notebookId: nb.id, answer: 'accept' });
		expect(accepted.status).toBe(303);
		expect(accepted.headers.get('location')).toBe(`${page}?joined`);
		const landed = await alex.follow(accepted);
		expect(landed.status).toBe(200);
		const welcome = await landed.text();
		expect(welcome).toContain('Invitation acceptée : vous pouvez maintenant ajouter des notes à ce carnet.');
		expect(welcome).not.toContain('Invitations en attente');

		const note = await call('/api/v1/notes', as(alexToken, 'POST', { title: `Note d’Alex ${tag()}`, status: 'published' }));
		expect((await alex.postForm(`${page}?/include`, { noteId: note.body.id })).status).toBe(200);
		expect(await (await alex.get(page)).text()).toContain(note.body.title);
		expect((await call(`/api/v1/notebooks/${nb.id}/notes`, as(hostToken, 'GET'))).body.items).toEqual([
			expect.objectContaining({ id: note.body.id, includedBy: { handle: 'alex', name: 'Alex Tremblay' } })
		]);

		// The manager promotes, then removes, from the page.
		const alexId = managerView.match(/name="accountId" value="([^"]+)"/)?.[1];
		expect(alexId).toBeTruthy();
		expect((await host.postForm(`${page}?/changeRole`, { accountId: alexId!, role: 'manager' })).status).toBe(200);
		expect((await call(`/api/v1/notebooks/${nb.id}/members`, as(hostToken, 'GET'))).body.items).toContainEqual(
			expect.objectContaining({ handle: 'alex', role: 'manager' })
		);
		expect((await host.postForm(`${page}?/removeMember`, { accountId: alexId! })).status).toBe(200);
		expect((await alex.get(page)).status).toBe(404);
	});

	it('declines on “My notes”, and a manager withdraws on the notebook page', async () => {
		const nb = await notebook('public');
		const page = `/en/c/${nb.id}`;
		await host.postForm(`${page}?/invite`, { handle: 'alex', role: 'manager' });
		const declined = await alex.postForm('/en/notes?/answerNotebook', { notebookId: nb.id, answer: 'decline' });
		expect(declined.status).toBe(200);
		expect(await declined.text()).toContain('Invitation declined.');
		expect(await (await alex.get('/en/notes')).text()).not.toContain(nb.title);

		await host.postForm(`${page}?/invite`, { handle: 'alex', role: 'contributor' });
		const html = await (await host.get(page)).text();
		const alexId = [...html.matchAll(/action="\?\/withdraw"[\s\S]*?name="accountId" value="([^"]+)"/g)].map((m) => m[1])[0];
		expect((await host.postForm(`${page}?/withdraw`, { accountId: alexId })).status).toBe(200);
		expect(await (await host.get(page)).text()).toContain('No pending invitations.');
		const late = await alex.postForm('/en/notes?/answerNotebook', { notebookId: nb.id, answer: 'accept' });
		expect(late.status).toBe(404);
	});
});
