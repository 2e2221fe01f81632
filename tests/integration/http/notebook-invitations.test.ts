// Notebook invitations over real HTTP: a manager invites, the invitee accepts or declines, through the API and
// through the pages without JavaScript; until they accept, a private notebook stays hidden from them.
import { describe, expect, it } from 'vitest';
import { tag, useApp, type ApiCall } from './client.ts';

const t = useApp();
const as = (token: string, method: string, body?: unknown): ApiCall => ({
	token,
	method,
	body: body ?? (method === 'GET' ? undefined : {})
});

async function notebook(visibility: 'public' | 'private') {
	const made = await t.call('/api/v1/notebooks', as(t.hostToken, 'POST', { title: `Carnet ${visibility} ${tag()}`, visibility }));
	expect(made.status).toBe(201);
	return made.body as { id: string; title: string };
}

describe('the members API', () => {
	it('invites, keeps a private notebook hidden until the invitee accepts, then manages roles', async () => {
		const nb = await notebook('private');
		const members = `/api/v1/notebooks/${nb.id}/members`;
		expect((await t.call(members, as(t.alexToken, 'GET'))).status).toBe(404);

		const invited = await t.call(members, as(t.hostToken, 'POST', { handle: '@alex' }));
		expect(invited.status).toBe(201);
		expect(invited.headers.get('location')).toBe(`${t.app.url}${members}`);
		expect(invited.body).toMatchObject({
			handle: 'alex',
			name: 'Alex Tremblay',
			role: 'contributor',
			invitedBy: { handle: 'marie-soleil' }
		});
		const again = await t.call(members, as(t.hostToken, 'POST', { handle: 'alex', role: 'manager' }));
		expect([again.status, again.body.errors]).toEqual([409, { handle: ['notebook_invitation_already'] }]);
		const nobody = await t.call(members, as(t.hostToken, 'POST', { handle: `personne-${tag()}` }));
		expect([nobody.status, nobody.body.errors]).toEqual([422, { handle: ['author_not_found'] }]);
		expect((await t.call(members, as(t.hostToken, 'POST', { handle: 'alex', role: 'owner' }))).status).toBe(422);

		// The invitee learns the title and no more: the notebook itself still answers 404.
		const mine = await t.call('/api/v1/me/invitations', as(t.alexToken, 'GET'));
		expect(mine.body.notebooks).toContainEqual(
			expect.objectContaining({ notebook: expect.objectContaining({ id: nb.id, title: nb.title }), role: 'contributor' })
		);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, as(t.alexToken, 'GET'))).status).toBe(404);
		expect((await t.call(members, as(t.alexToken, 'POST', { handle: 'admin-demo' }))).status).toBe(404);
		expect((await t.call('/api/v1/me/invitations')).status).toBe(401);

		const listed = await t.call(members, as(t.hostToken, 'GET'));
		expect(listed.body.items.map((m: { handle: string }) => m.handle)).toEqual(['marie-soleil']);
		expect(listed.body.invitations.map((i: { handle: string }) => i.handle)).toEqual(['alex']);

		const accepted = await t.call(`/api/v1/notebooks/${nb.id}/invitation`, as(t.alexToken, 'POST'));
		expect([accepted.status, accepted.body]).toEqual([200, expect.objectContaining({ handle: 'alex', role: 'contributor' })]);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, as(t.alexToken, 'GET'))).status).toBe(200);
		const seen = await t.call(members, as(t.alexToken, 'GET'));
		expect(seen.body.items.map((m: { handle: string; role: string }) => [m.handle, m.role])).toEqual([
			['marie-soleil', 'manager'],
			['alex', 'contributor']
		]);
		expect(seen.body).not.toHaveProperty('invitations');
		expect((await t.call(members, as(t.alexToken, 'POST', { handle: 'admin-demo' }))).status).toBe(403);

		// Roles: promote, demote, and the last manager stays one.
		expect((await t.call(`${members}/alex`, as(t.hostToken, 'PATCH', { role: 'manager' }))).status).toBe(204);
		expect((await t.call(members, as(t.alexToken, 'GET'))).body).toHaveProperty('invitations');
		expect((await t.call(`${members}/alex`, as(t.hostToken, 'PATCH', { role: 'contributor' }))).status).toBe(204);
		const last = await t.call(`${members}/marie-soleil`, as(t.hostToken, 'PATCH', { role: 'contributor' }));
		expect([last.status, last.body.errors]).toEqual([409, { _: ['notebook_last_manager'] }]);
		expect((await t.call(`${members}/marie-soleil`, as(t.hostToken, 'DELETE'))).status).toBe(409);
		expect((await t.call(`${members}/alex`, as(t.alexToken, 'DELETE'))).status).toBe(403);

		expect((await t.call(`${members}/alex`, as(t.hostToken, 'DELETE'))).status).toBe(204);
		expect((await t.call(`/api/v1/notebooks/${nb.id}`, as(t.alexToken, 'GET'))).status).toBe(404);
		expect((await t.call(`${members}/alex`, as(t.hostToken, 'DELETE'))).status).toBe(404);
	});

	it('lets the invitee decline, and a manager withdraw', async () => {
		const nb = await notebook('public');
		const members = `/api/v1/notebooks/${nb.id}/members`;
		const invitation = `/api/v1/notebooks/${nb.id}/invitation`;
		await t.call(members, as(t.hostToken, 'POST', { handle: 'alex' }));
		expect((await t.call(invitation, as(t.alexToken, 'DELETE'))).status).toBe(204);
		expect((await t.call(invitation, as(t.alexToken, 'DELETE'))).status).toBe(404);
		const mine = await t.call('/api/v1/me/invitations', as(t.alexToken, 'GET'));
		expect(mine.body.notebooks.map((i: { notebook: { id: string } }) => i.notebook.id)).not.toContain(nb.id);

		await t.call(members, as(t.hostToken, 'POST', { handle: 'alex', role: 'manager' }));
		expect((await t.call(`${members}/ALEX`, as(t.hostToken, 'DELETE'))).status).toBe(204);
		expect((await t.call(invitation, as(t.alexToken, 'POST'))).status).toBe(404);
		expect((await t.call(members, as(t.hostToken, 'GET'))).body.invitations).toEqual([]);
		expect((await t.call(invitation, { method: 'POST', body: {} })).status).toBe(401);
	});
});

describe('the pages, without JavaScript', () => {
	it('invite on the notebook page, accept on “My notes”, then add a note as a contributor', async () => {
		const nb = await notebook('private');
		const page = `/fr/c/${nb.id}`;

		const unknown = await t.host.postForm(`${page}?/invite`, { handle: 'personne-inconnue', role: 'contributor' });
		expect(unknown.status).toBe(422);
		const kept = await unknown.text();
		expect(kept).toContain('value="personne-inconnue"');
		expect(kept).toContain('Personne n’a cet identifiant');

		const invited = await t.host.postForm(`${page}?/invite`, { handle: 'alex', role: 'contributor' });
		expect(invited.status).toBe(200);
		expect(await invited.text()).toContain('Invitation envoyée à Alex Tremblay');
		const managerView = await (await t.host.get(page)).text();
		expect(managerView).toContain('Invitations en attente');
		expect(managerView).toContain('Annuler l’invitation');

		// Before accepting, the page is a 404 for Alex; "My notes" shows the invitation.
		expect((await t.alex.get(page)).status).toBe(404);
		const myNotes = await (await t.alex.get('/fr/notes')).text();
		expect(myNotes).toContain(`vous invite à participer au carnet « ${nb.title} »`);

		const accepted = await t.alex.postForm('/fr/notes?/answerNotebook', { notebookId: nb.id, answer: 'accept' });
		expect(accepted.status).toBe(303);
		expect(accepted.headers.get('location')).toBe(`${page}?joined`);
		const landed = await t.alex.follow(accepted);
		expect(landed.status).toBe(200);
		const welcome = await landed.text();
		expect(welcome).toContain('Invitation acceptée : vous pouvez maintenant ajouter des notes à ce carnet.');
		expect(welcome).not.toContain('Invitations en attente');

		const note = await t.call('/api/v1/notes', as(t.alexToken, 'POST', { title: `Note d’Alex ${tag()}`, status: 'published' }));
		expect((await t.alex.postForm(`${page}?/include`, { noteId: note.body.id })).status).toBe(200);
		expect(await (await t.alex.get(page)).text()).toContain(note.body.title);
		expect((await t.call(`/api/v1/notebooks/${nb.id}/notes`, as(t.hostToken, 'GET'))).body.items).toEqual([
			expect.objectContaining({ id: note.body.id, includedBy: { handle: 'alex', name: 'Alex Tremblay' } })
		]);

		// The manager promotes, then removes, from the page.
		const alexId = managerView.match(/name="accountId" value="([^"]+)"/)?.[1];
		expect(alexId).toBeTruthy();
		expect((await t.host.postForm(`${page}?/changeRole`, { accountId: alexId!, role: 'manager' })).status).toBe(200);
		expect((await t.call(`/api/v1/notebooks/${nb.id}/members`, as(t.hostToken, 'GET'))).body.items).toContainEqual(
			expect.objectContaining({ handle: 'alex', role: 'manager' })
		);
		expect((await t.host.postForm(`${page}?/removeMember`, { accountId: alexId! })).status).toBe(200);
		expect((await t.alex.get(page)).status).toBe(404);
	});

	it('declines on “My notes”, and a manager withdraws on the notebook page', async () => {
		const nb = await notebook('public');
		const page = `/en/c/${nb.id}`;
		await t.host.postForm(`${page}?/invite`, { handle: 'alex', role: 'manager' });
		const declined = await t.alex.postForm('/en/notes?/answerNotebook', { notebookId: nb.id, answer: 'decline' });
		expect(declined.status).toBe(200);
		expect(await declined.text()).toContain('Invitation declined.');
		expect(await (await t.alex.get('/en/notes')).text()).not.toContain(nb.title);

		await t.host.postForm(`${page}?/invite`, { handle: 'alex', role: 'contributor' });
		const html = await (await t.host.get(page)).text();
		const alexId = [...html.matchAll(/action="\?\/withdraw"[\s\S]*?name="accountId" value="([^"]+)"/g)].map((m) => m[1])[0];
		expect((await t.host.postForm(`${page}?/withdraw`, { accountId: alexId })).status).toBe(200);
		expect(await (await t.host.get(page)).text()).toContain('No pending invitations.');
		const late = await t.alex.postForm('/en/notes?/answerNotebook', { notebookId: nb.id, answer: 'accept' });
		expect(late.status).toBe(404);
	});
});
