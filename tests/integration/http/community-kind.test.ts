// Community kind and region over HTTP (issue 6): the API takes and shows them and filters on them; the communities
// page filters with a plain GET form and counts only what the viewer may see; the creation form keeps the text of
// a refused territorial community. Use-case tests: src/lib/server/communities/community-kind.test.ts.
import { describe, expect, it } from 'vitest';
import { client, tag, useApp } from './client.ts';

const t = useApp();

describe('community kind and region', () => {
	it('gives the demo communities a kind, and the API filters by kind and region', async () => {
		const all = await t.call('/api/v1/communities?limit=100');
		const bySlug = Object.fromEntries(all.body.items.map((c: { slug: string }) => [c.slug, c]));
		expect(bySlug['en-commun-soutien-et-developpement']).toMatchObject({ kind: 'thematic', region: null });
		expect(bySlug['bibliotheques-tiers-lieux']).toMatchObject({ kind: 'territorial', region: 'Montréal' });
		const montreal = await t.call('/api/v1/communities?kind=territorial&region=montreal&limit=100');
		expect(montreal.body.items.map((c: { slug: string }) => c.slug)).toContain('bibliotheques-tiers-lieux');
		expect(montreal.body.items.every((c: { kind: string }) => c.kind === 'territorial')).toBe(true);
		const thematic = await t.call('/api/v1/communities?kind=thematic&limit=100');
		expect(thematic.body.items.map((c: { slug: string }) => c.slug)).not.toContain('bibliotheques-tiers-lieux');
		expect((await t.call('/api/v1/communities?kind=planetary')).status).toBe(422);
	});

	it('creates a territorial community through the API, and refuses one without a region', async () => {
		const slug = `quartier-${tag()}`;
		const made = await t.call('/api/v1/communities', {
			token: t.alexToken,
			method: 'POST',
			body: { slug, name: `Quartier ${slug}`, visibility: 'public', kind: 'territorial', region: 'Capitale-Nationale' }
		});
		expect(made.status).toBe(201);
		expect(made.body).toMatchObject({ kind: 'territorial', region: 'Capitale-Nationale' });
		expect((await t.call(`/api/v1/communities/${slug}`)).body).toMatchObject({ kind: 'territorial', region: 'Capitale-Nationale' });
		const refused = await t.call('/api/v1/communities', {
			token: t.alexToken,
			method: 'POST',
			body: { name: 'Sans région', visibility: 'public', kind: 'territorial' }
		});
		expect(refused.status).toBe(422);
		expect(refused.body.errors.region).toEqual(['community_region_required']);
	});

	it('filters the communities page without JavaScript and never shows a secret community’s region to outsiders', async () => {
		const region = `Secrète ${tag()}`;
		const slug = `cercle-${tag()}`;
		const made = await t.call('/api/v1/communities', {
			token: t.alexToken,
			method: 'POST',
			body: { slug, name: `Cercle ${slug}`, visibility: 'secret', kind: 'territorial', region }
		});
		expect(made.status).toBe(201);
		const anonymous = client(t.app.url);
		const page = await (await anonymous.get('/en/g?kind=territorial')).text();
		expect(page).toContain('href="/en/g/bibliotheques-tiers-lieux"');
		expect(page).not.toContain('href="/en/g/en-commun-soutien-et-developpement"');
		expect(page).toContain('<form class="community-filters');
		expect(page).not.toContain(region);
		expect(page).toMatch(/Montréal \(\d+\)/);
		const own = await (await t.alex.get('/en/g?kind=territorial')).text();
		expect(own).toContain(`${region} (1)`);
		const filtered = await (await anonymous.get(`/en/g?region=${encodeURIComponent(region)}`)).text();
		expect(filtered).not.toContain(`href="/en/g/${slug}"`);
		expect(filtered).toContain('No community matches these filters.');
		const community = await (await anonymous.get('/en/g/bibliotheques-tiers-lieux')).text();
		expect(community).toContain('Territorial · Montréal');
	});

	it('keeps the text of a refused creation form', async () => {
		const form = await (await t.alex.get('/en/g/new')).text();
		expect(form).toContain('name="kind"');
		expect(form).toContain('<option value="Montréal">');
		const res = await t.alex.postForm('/en/g/new', {
			name: 'Ma communauté de quartier',
			visibility: 'public',
			kind: 'territorial',
			region: ''
		});
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Name the region of this territorial community.');
		expect(html).toContain('Ma communauté de quartier');
	});
});
