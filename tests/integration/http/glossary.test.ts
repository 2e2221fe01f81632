// The glossary and the directory over real HTTP: both pages in both languages, their letter navigation and GET
// filters (no JavaScript needed), their JSON API, and nothing hidden ever shown or counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { apiCall, client, HOST_EMAIL, signedIn, tokenOf, type ApiCall, type Client } from './client.ts';

let app: RunningApp;
let host: Client;
let hostToken: string;
const call = (path: string, options?: ApiCall) => apiCall(app.url, path, options);
const page = async (path: string, browser: Client = client(app.url)) => {
	const res = await browser.get(path);
	expect(res.status, path).toBe(200);
	return res.text();
};
// The text of one element, found by its id, up to the next closing tag of its kind.
const section = (html: string, id: string, tag = 'section') => {
	const start = html.lastIndexOf(`<${tag}`, html.indexOf(`id="${id}"`));
	return start < 0 ? '' : html.slice(start, html.indexOf(`</${tag}>`, start));
};

beforeAll(async () => {
	app = await startApp();
	host = await signedIn(app.url, HOST_EMAIL);
	hostToken = await tokenOf(host);
});
afterAll(() => app?.stop());

describe('the glossary page', () => {
	it.each(['fr', 'en'])('lists the demo terms A–Z with their definitions and synonyms in /%s', async (lang) => {
		const html = await page(`/${lang}/glossary`);
		expect(html).toMatch(new RegExp(`<html[^>]*\\slang="${lang}"`));
		expect(html).toContain(lang === 'fr' ? '<h1>Glossaire</h1>' : '<h1>Glossary</h1>');
		const { body } = await call('/api/v1/glossary?letter=E');
		const economie = body.items.find((t: { title: string }) => t.title === 'Économie sociale');
		// Under E, accents aside, with its definition, its synonyms and a link to its note.
		const underE = section(html, 'letter-E');
		expect(underE).toContain(`href="/${lang}/n/${economie.id}"`);
		expect(underE).toContain('Ensemble des entreprises collectives');
		expect(underE).toContain('Économie sociale et solidaire, ESS');
		expect(section(html, 'letter-T')).toContain('Troisième lieu, Third place');
		// The main navigation leads here from every page.
		expect(await page(`/${lang}`)).toContain(`href="/${lang}/glossary"`);
	});

	it('links only the letters that hold a term, and shows one letter at a time', async () => {
		const html = await page('/fr/glossary');
		const start = html.indexOf('class="letter-nav"');
		const letters = html.slice(start, html.indexOf('</nav>', start));
		for (const linked of ['C', 'E', 'P', 'T']) expect(letters).toContain(`href="/fr/glossary?letter=${linked}"`);
		for (const empty of ['A', 'Q', 'Z']) {
			expect(letters).not.toContain(`?letter=${empty}"`);
			expect(letters).toContain(`<span class="letter-empty">${empty}<span class="visually-hidden">, aucun terme</span></span>`);
		}
		expect(letters).toContain('aria-current="page">Tout</a>');

		const underE = await page('/fr/glossary?letter=e');
		expect(underE).toContain('Économie sociale');
		expect(underE).not.toContain('Tiers-lieu');
		expect(underE).toMatch(/href="\/fr\/glossary\?letter=E" aria-current="page"/);
		// A letter nobody wrote under, or one that is not a letter: an explanation, never an error.
		expect(await page('/en/glossary?letter=Q')).toContain('No term under the letter Q.');
		expect(await page('/en/glossary?letter=%3Cscript%3E')).toContain('Tiers-lieu');
		// The search form is a GET form: it works without JavaScript, and finds a term by a synonym.
		const found = await page('/fr/glossary?q=troisieme');
		expect(found).toContain('Tiers-lieu');
		expect(found).not.toContain('Économie sociale');
	});
});

describe('the directory page', () => {
	it.each(['fr', 'en'])('lists the demo organisations with their region, sector and website in /%s', async (lang) => {
		const html = await page(`/${lang}/directory`);
		expect(html).toMatch(new RegExp(`<html[^>]*\\slang="${lang}"`));
		expect(html).toContain('Coopérative de solidarité Le Rucher');
		expect(html).toContain('<a href="https://lerucher.example.org/" rel="nofollow ugc">lerucher.example.org</a>');
		expect(html).toContain('Capitale-Nationale');
		expect(html).toMatch(/<form class="directory-filters" method="get"/);
		expect(html).toContain('<option value="Montréal">Montréal (1)</option>');
		expect(html).toContain(lang === 'fr' ? 'Toutes les régions' : 'All regions');
		expect(await page(`/${lang}`)).toContain(`href="/${lang}/directory"`);
	});

	it('filters by region through the GET form, and keeps the choice selected', async () => {
		// What the browser sends when the form is submitted with a region and no sector.
		const html = await page('/fr/directory?q=&region=Montr%C3%A9al&sector=');
		expect(html).toContain('Centre d’action bénévole de la Petite-Patrie');
		expect(html).not.toContain('Le Rucher');
		expect(html).toContain('<option value="Montréal" selected="">Montréal (1)</option>');
		expect(html).toContain('1 organisation<');
		expect(html).toContain('Effacer les filtres');
		const none = await page('/en/directory?region=Nunavik');
		expect(none).toContain('No organisation matches these filters.');
		expect(none).toContain('<option value="Nunavik" selected="">Nunavik (0)</option>');
	});

	it('pages through the organisations with next links that keep the filters', async () => {
		const first = await call('/api/v1/directory?limit=2');
		expect(first.body.items).toHaveLength(2);
		const html = await page(`/en/directory?limit=2`);
		expect(html).toContain(`href="/en/directory?limit=2&amp;cursor=${first.body.next}" rel="next"`);
		const second = await page(`/en/directory?limit=2&cursor=${first.body.next}`);
		expect(second).toContain('Table de concertation en sécurité alimentaire');
		expect(second).toContain('Back to the first page');
		// A cursor this server did not issue starts over rather than failing.
		expect(await page('/en/directory?cursor=bogus')).toContain('Le Rucher');
	});
});

describe('what stays hidden', () => {
	it('never shows a private or draft organisation or term to others, nor counts it', async () => {
		const secret = `Organisme confidentiel ${Math.random().toString(36).slice(2, 8)}`;
		const region = `Région confidentielle ${secret.slice(-6)}`;
		const made = await call('/api/v1/notes', {
			token: hostToken,
			method: 'POST',
			body: { type: 'organization', title: secret, visibility: 'private', status: 'published', orgRegion: region, orgSector: 'Secret' }
		});
		expect(made.status).toBe(201);
		const draft = await call('/api/v1/notes', {
			token: hostToken,
			method: 'POST',
			body: { type: 'term', title: `Quasi-terme ${secret}`, termDefinition: 'Pas encore prêt' }
		});
		expect(draft.status).toBe(201);

		for (const lang of ['fr', 'en']) {
			const directory = await page(`/${lang}/directory`);
			expect(directory).not.toContain(secret);
			expect(directory).not.toContain(region);
			expect(directory).toContain(lang === 'fr' ? '3 organisations' : '3 organisations');
			const glossary = await page(`/${lang}/glossary`);
			expect(glossary).not.toContain('Quasi-terme');
			expect(glossary).not.toContain('?letter=Q"');
		}
		expect(await page(`/fr/directory?region=${encodeURIComponent(region)}`)).not.toContain(secret);
		const api = await call('/api/v1/directory');
		expect(api.body.total).toBe(3);
		expect(JSON.stringify(api.body)).not.toContain(secret.slice(-6));
		expect(JSON.stringify((await call('/api/v1/glossary')).body)).not.toContain('Quasi-terme');

		// Its authors see both, in the pages and the API.
		expect(await page('/fr/directory', host)).toContain(secret);
		expect(await page('/fr/glossary?letter=Q', host)).toContain('Quasi-terme');
		const mine = await call('/api/v1/directory', { token: hostToken });
		expect(mine.body.total).toBe(4);
		expect(mine.body.facets.regions).toContainEqual({ value: region, count: 1 });
	});
});

describe('the glossary and directory API', () => {
	it('answers the glossary with letters, terms and their note URLs', async () => {
		const res = await call('/api/v1/glossary');
		expect(res.status).toBe(200);
		expect(res.body.complete).toBe(true);
		expect(res.body.letters).toEqual(expect.arrayContaining([{ letter: 'E', count: 1 }]));
		const tiersLieu = res.body.items.find((t: { title: string }) => t.title === 'Tiers-lieu');
		expect(tiersLieu).toEqual({
			id: expect.any(String),
			title: 'Tiers-lieu',
			letter: 'T',
			definition: expect.stringContaining('distinct du domicile et du travail'),
			synonyms: ['Troisième lieu', 'Third place'],
			language: 'fr',
			url: `${app.url}/en/n/${tiersLieu.id}`
		});
		expect((await call('/api/v1/glossary?letter=c')).body.items.map((t: { title: string }) => t.title)).toEqual(['Communs']);
		const bad = await call('/api/v1/glossary?letter=AB');
		expect(bad.status).toBe(422);
		expect(bad.headers.get('content-type')).toBe('application/problem+json');
		expect(bad.body.errors).toEqual({ letter: ['letter_invalid'] });
	});

	it('answers the directory with a page of organisations, a total, a cursor and facets', async () => {
		const res = await call('/api/v1/directory?sector=%C3%A9conomie%20SOCIALE');
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			items: [
				{
					id: expect.any(String),
					name: 'Coopérative de solidarité Le Rucher',
					summary: expect.any(String),
					region: 'Capitale-Nationale',
					sector: 'Économie sociale',
					website: 'https://lerucher.example.org/',
					language: 'fr',
					url: expect.stringMatching(new RegExp(`^${app.url}/en/n/`))
				}
			],
			total: 1,
			next: null,
			facets: {
				regions: expect.arrayContaining([{ value: 'Montréal', count: 1 }]),
				sectors: expect.arrayContaining([{ value: 'Économie sociale', count: 1 }])
			}
		});
		const first = await call('/api/v1/directory?limit=2');
		const second = await call(`/api/v1/directory?limit=2&cursor=${first.body.next}`);
		expect([...first.body.items, ...second.body.items].map((o: { id: string }) => o.id)).toHaveLength(
			new Set([...first.body.items, ...second.body.items].map((o: { id: string }) => o.id)).size
		);
		expect(second.body.next).toBeNull();
		expect((await call('/api/v1/directory?cursor=bogus')).status).toBe(422);
		expect((await call('/api/v1')).body.links).toMatchObject({
			glossary: `${app.url}/api/v1/glossary`,
			directory: `${app.url}/api/v1/directory`
		});
	});
});
