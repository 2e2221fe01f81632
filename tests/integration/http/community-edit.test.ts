// Hosts edit their community over real HTTP: the form at /{lang}/g/{slug}/edit (no JavaScript needed), the link on
// the community page, and PATCH /api/v1/communities/{slug}, with the permission cases: members 403, those who may not
// see the community 404, anonymous visitors to sign-in (401 on the API). Use cases: update-community.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { client, signUpOutsider, tag, useApp, type ApiCall, type Client } from './client.ts';

const t = useApp();
const as = (token: string | undefined, method = 'GET', body?: unknown): ApiCall => ({ token, method, body });
const decoded = (html: string) => html.replaceAll('&#39;', '’').replaceAll('&quot;', '"');

/** A community Marie-Soleil hosts, with Alex as a member when it is public. */
async function community(visibility: 'public' | 'secret') {
	const slug = `modif-${visibility}-${tag()}`;
	const made = await t.call(
		'/api/v1/communities',
		as(t.hostToken, 'POST', { slug, name: `Cercle ${slug}`, description: 'Au départ', visibility })
	);
	expect(made.status).toBe(201);
	if (visibility === 'public') expect((await t.call(`/api/v1/communities/${slug}/membership`, as(t.alexToken, 'POST'))).status).toBe(200);
	return slug;
}

/** The version an edit starts from: the hidden field of the form, or the API's `version`. */
const formVersion = (html: string) => /name="baseVersion" value="(\d+)"/.exec(html)?.[1] ?? '';
const apiVersion = async (slug: string) => (await t.call(`/api/v1/communities/${slug}`, as(t.hostToken))).body.version as string;

let outsider: Client;
beforeAll(async () => {
	outsider = await signUpOutsider(t.app);
});

describe('the edit form', () => {
	it('is linked for hosts, keeps the text of a refused edit, saves, and shows the new name', async () => {
		const slug = await community('public');
		const page = await (await t.host.get(`/en/g/${slug}`)).text();
		expect(page).toContain(`href="/en/g/${slug}/edit">Edit the community</a>`);
		expect(await (await t.alex.get(`/en/g/${slug}`)).text()).not.toContain(`/g/${slug}/edit`);

		const form = await t.host.get(`/fr/g/${slug}/edit`);
		expect(form.status).toBe(200);
		const html = await form.text();
		expect(html).toContain('Modifier la communauté');
		expect(html).toContain(`value="Cercle ${slug}"`);
		expect(html).toContain('Au départ');
		expect(html).toContain(`(/fr/g/${slug})`); // the hint: the address and the visibility stay
		expect(html).toMatch(/name="kind" value="thematic"[^>]*checked/);

		const baseVersion = formVersion(html);
		expect(baseVersion).toMatch(/^\d+$/);
		const refused = await t.host.postForm(`/en/g/${slug}/edit`, {
			baseVersion,
			name: 'Un nouveau nom',
			description: 'Une description à garder',
			kind: 'territorial',
			region: ''
		});
		expect(refused.status).toBe(422);
		const again = decoded(await refused.text());
		expect(again).toContain('Name the region of this territorial community.');
		expect(again).toContain('value="Un nouveau nom"');
		expect(again).toContain('Une description à garder');
		expect(again).toMatch(/name="kind" value="territorial"[^>]*checked/);
		expect(formVersion(again)).toBe(baseVersion);
		// A form without its version (a page kept open from before it had one) says what to do, and saves nothing.
		const unversioned = await t.host.postForm(`/en/g/${slug}/edit`, {
			name: 'Un nouveau nom',
			description: '',
			kind: 'thematic',
			region: ''
		});
		expect(unversioned.status).toBe(400);
		expect(decoded(await unversioned.text())).toContain('This form is missing a part it needs: reload the page');
		expect(
			(await t.host.postForm(`/en/g/${slug}/edit`, { baseVersion, name: 'x', description: '', kind: 'thematic', region: '' })).status
		).toBe(400);

		const saved = await t.host.postForm(`/en/g/${slug}/edit`, {
			baseVersion,
			name: 'Un nouveau nom',
			description: 'Une description à garder',
			kind: 'territorial',
			region: 'Estrie'
		});
		expect(saved.status).toBe(303);
		expect(saved.headers.get('location')).toBe(`/en/g/${slug}/edit?saved`);
		expect(await (await t.host.follow(saved)).text()).toContain('The changes are saved.');
		const shown = await (await client(t.app.url).get(`/en/g/${slug}`)).text();
		expect(shown).toContain('<h1>Un nouveau nom</h1>');
		expect(shown).toContain('Territorial · Estrie');
		expect(shown).toContain('Une description à garder');
	});

	it('shows an edit begun before another save what was saved, keeps its text, and saves it when sent again', async () => {
		const slug = await community('public');
		// The host's two tabs open the form on the same version; the first saves.
		const opened = formVersion(await (await t.host.get(`/fr/g/${slug}/edit`)).text());
		const first = await t.host.postForm(`/fr/g/${slug}/edit`, {
			baseVersion: opened,
			name: 'Nom du premier onglet',
			description: 'Au départ',
			kind: 'territorial',
			region: 'Estrie'
		});
		expect(first.status).toBe(303);

		const mine = { name: 'Nom du second onglet', description: 'Une description qui ne se perd pas', kind: 'thematic', region: '' };
		const late = await t.host.postForm(`/fr/g/${slug}/edit`, { ...mine, baseVersion: opened });
		expect(late.status).toBe(409);
		const html = decoded(await late.text());
		expect(html).toContain('Quelqu’un d’autre a enregistré cette communauté pendant que vous la modifiiez.');
		const shown = html.slice(
			html.indexOf('<section class="conflict"'),
			html.indexOf('</section>', html.indexOf('<section class="conflict"'))
		);
		expect(shown).toContain('Enregistré entre-temps');
		expect(shown).toContain('<dd>Nom du premier onglet</dd>');
		expect(shown).toContain('Territoriale · Estrie');
		expect(shown).toContain(`href="/fr/g/${slug}/edit"`);
		// The form keeps this tab's text and now starts from the version it was shown.
		expect(html).toContain('value="Nom du second onglet"');
		expect(html).toContain('Une description qui ne se perd pas');
		const now = formVersion(html);
		expect(now).not.toBe(opened);
		expect((await t.call(`/api/v1/communities/${slug}`)).body).toMatchObject({ name: 'Nom du premier onglet', version: now });

		const again = await t.host.postForm(`/fr/g/${slug}/edit`, { ...mine, baseVersion: now });
		expect(again.status).toBe(303);
		expect((await t.call(`/api/v1/communities/${slug}`)).body).toMatchObject({ ...mine, region: null });
	});

	it('answers members 403, those who may not see the community 404, and sends anonymous visitors to sign in', async () => {
		const pub = await community('public');
		const secret = await community('secret');
		expect((await t.alex.get(`/en/g/${pub}/edit`)).status).toBe(403);
		const baseVersion = await apiVersion(pub);
		expect((await t.alex.postForm(`/en/g/${pub}/edit`, { baseVersion, name: 'Pris', kind: 'thematic' })).status).toBe(403);
		expect((await outsider.get(`/en/g/${pub}/edit`)).status).toBe(403);
		expect((await outsider.get(`/en/g/${secret}/edit`)).status).toBe(404);
		expect((await outsider.postForm(`/en/g/${secret}/edit`, { baseVersion, name: 'Pris', kind: 'thematic' })).status).toBe(404);
		expect((await t.alex.get(`/en/g/${secret}/edit`)).status).toBe(404);
		const anonymous = await client(t.app.url).get(`/en/g/${secret}/edit`);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toBe(`/en/sign-in?next=${encodeURIComponent(`/en/g/${secret}/edit`)}`);
		expect((await t.call(`/api/v1/communities/${pub}`)).body.name).toBe(`Cercle ${pub}`);
	});
});

describe('the API', () => {
	it('PATCH changes what it names, with the same rules, and is documented', async () => {
		const slug = await community('public');
		const secret = await community('secret');
		const patched = await t.call(
			`/api/v1/communities/${slug}`,
			as(t.hostToken, 'PATCH', { kind: 'territorial', region: 'Outaouais', baseVersion: await apiVersion(slug) })
		);
		expect(patched.status).toBe(200);
		expect(patched.body).toMatchObject({
			slug,
			name: `Cercle ${slug}`,
			description: 'Au départ',
			kind: 'territorial',
			region: 'Outaouais'
		});
		const renamed = await t.call(
			`/api/v1/communities/${slug}`,
			as(t.hostToken, 'PATCH', { name: 'Nom changé par API', baseVersion: patched.body.version })
		);
		expect(renamed.body).toMatchObject({ name: 'Nom changé par API', region: 'Outaouais' });

		const noRegion = await t.call(
			`/api/v1/communities/${slug}`,
			as(t.hostToken, 'PATCH', { region: null, baseVersion: renamed.body.version })
		);
		expect([noRegion.status, noRegion.headers.get('content-type'), noRegion.body.errors]).toEqual([
			422,
			'application/problem+json',
			{ region: ['community_region_required'] }
		]);
		const fixed = await t.call(
			`/api/v1/communities/${slug}`,
			as(t.hostToken, 'PATCH', { visibility: 'secret', baseVersion: renamed.body.version })
		);
		expect([fixed.status, fixed.body.errors]).toEqual([422, { _: ['community_not_editable'] }]);

		const member = await t.call(
			`/api/v1/communities/${slug}`,
			as(t.alexToken, 'PATCH', { name: 'Pris par Alex', baseVersion: renamed.body.version })
		);
		expect([member.status, member.body.type]).toEqual([403, '/problems/forbidden']);
		expect(
			(await t.call(`/api/v1/communities/${secret}`, as(t.alexToken, 'PATCH', { name: 'Pris par Alex', baseVersion: '1' }))).status
		).toBe(404);
		expect(
			(await t.call(`/api/v1/communities/${slug}`, as(undefined, 'PATCH', { name: 'Pris', baseVersion: renamed.body.version }))).status
		).toBe(401);
		expect((await t.call(`/api/v1/communities/${slug}`)).body.name).toBe('Nom changé par API');

		// An edit begun from an older version is refused whole; its client learns the version to start again from.
		const stale = await t.call(
			`/api/v1/communities/${slug}`,
			as(t.hostToken, 'PATCH', { name: 'Trop tard', baseVersion: patched.body.version })
		);
		expect([stale.status, stale.headers.get('content-type'), stale.body.errors, stale.body.currentVersion]).toEqual([
			409,
			'application/problem+json',
			{ _: ['community_edit_conflict'] },
			renamed.body.version
		]);
		const unversioned = await t.call(`/api/v1/communities/${slug}`, as(t.hostToken, 'PATCH', { name: 'Sans version' }));
		expect([unversioned.status, unversioned.body.errors]).toEqual([422, { baseVersion: ['base_version_missing'] }]);
		expect((await t.call(`/api/v1/communities/${slug}`)).body).toMatchObject({ name: 'Nom changé par API', version: renamed.body.version });

		const doc = await t.call('/api/v1/openapi.json');
		expect(doc.body.paths['/api/v1/communities/{slug}'].patch.operationId).toBe('updateCommunity');
		expect(doc.body.paths['/api/v1/communities/{slug}'].patch.responses).toHaveProperty('403');
		expect(doc.body.paths['/api/v1/communities/{slug}'].patch.responses).toHaveProperty('409');
	});
});
