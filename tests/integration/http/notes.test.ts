// The reference Praxis note over real HTTP: its original address, the page's facts and metadata for reference
// managers, the API, citations and history, as a reader (anonymous) reaches them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/server.ts';
import { client, type Client } from './client.ts';

const SEED = 'hyFh4E8AibDawZdxZGtAojyBHBY';
let app: RunningApp;
let reader: Client;

beforeAll(async () => {
	app = await startApp();
	reader = client(app.url);
});
afterAll(() => app?.stop());

describe('the seed note', () => {
	it('answers at its original address, trailing slash included, and a slug suffix canonicalises', async () => {
		const slash = await reader.get(`/en/n/${SEED}/`);
		expect([301, 308]).toContain(slash.status);
		expect(new URL(slash.headers.get('location')!, `${app.url}/en/n/${SEED}/`).pathname).toBe(`/en/n/${SEED}`);
		const withSlug = await reader.get(`/en/n/${SEED}-atelier-4`);
		expect(withSlug.status).toBe(301);
		expect(withSlug.headers.get('location')).toBe(`/en/n/${SEED}`);
	});

	it('shows every fact of the page, with the metadata reference managers read', async () => {
		const res = await reader.get(`/en/n/${SEED}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		for (const fact of [
			'Atelier 4 - Présenter et rêver le modèle de soutenabilité d',
			'href="/en/u/marie-soleil"',
			'href="/en/g/en-commun-soutien-et-developpement"',
			'datetime="2024-05-27',
			'datetime="2024-07-10T20:24:00.000Z"',
			'CC BY-NC-SA 4.0',
			'rel="license"',
			`href="/en/n/${SEED}/history"`,
			'id="cite-title"',
			'Retrieved',
			// The notebook that includes it, with the inclusion facts of the original page.
			'Analyse de soutenabilité des plateformes En commun',
			"Included by Marie-Soleil L'Allier on",
			'Atelier 4 - Valider'
		]) {
			expect(html, fact).toContain(fact);
		}
		expect(html).toContain('<meta name="citation_title" content="Atelier 4');
		expect(html).toContain('<meta name="citation_author" content="Marie-Soleil L\'Allier"');
		expect(html).toContain('<meta name="citation_publication_date" content="2024/05/27"');
		expect(html).toContain('<meta name="DC.rights" content="https://creativecommons.org/licenses/by-nc-sa/4.0/"');
		expect(html).toContain(`<link rel="canonical" href="${app.url}/en/n/${SEED}"`);
		const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]);
		expect(jsonLd).toMatchObject({
			'@type': 'CreativeWork',
			name: "Atelier 4 - Présenter et rêver le modèle de soutenabilité d'En commun",
			author: [{ name: "Marie-Soleil L'Allier" }],
			license: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
			inLanguage: 'fr'
		});
	});

	it('serves the note, its revisions and its citations through the API', async () => {
		const note = await (await reader.get(`/api/v1/notes/${SEED}`)).json();
		expect(note).toMatchObject({
			id: SEED,
			licence: { id: 'CC-BY-NC-SA-4.0', label: 'CC BY-NC-SA 4.0' },
			authors: [{ handle: 'marie-soleil', name: "Marie-Soleil L'Allier" }],
			community: { slug: 'en-commun-soutien-et-developpement' },
			publishedAt: '2024-05-27T16:00:00.000Z',
			notebooks: [
				{
					title: 'Analyse de soutenabilité des plateformes En commun',
					category: 'Atelier 4 - Valider',
					includedBy: { handle: 'marie-soleil', name: "Marie-Soleil L'Allier" },
					includedAt: '2024-05-27T16:10:00.000Z',
					noteCount: 1
				}
			]
		});
		const revisions = await (await reader.get(`/api/v1/notes/${SEED}/revisions`)).json();
		expect(revisions.items).toHaveLength(1);
		const bibtex = await reader.get(`/api/v1/notes/${SEED}/cite?format=bibtex&lang=fr`);
		expect(bibtex.headers.get('content-type')).toContain('application/x-bibtex');
		expect(await bibtex.text()).toContain('Atelier 4');
		const apa = await (await reader.get(`/api/v1/notes/${SEED}/cite?format=apa&lang=en`)).text();
		expect(apa).toContain('L’Allier, M.-S. (2024');
		expect((await reader.get(`/api/v1/notes/${SEED}/cite?format=word`)).status).toBe(422);
	});

	it('has a history page', async () => {
		const res = await reader.get(`/fr/n/${SEED}/history`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Historique des modifications');
	});
});
