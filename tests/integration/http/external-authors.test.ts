// People credited without an account, over real HTTP: written through the API and the edit form, shown in the note
// JSON, the OpenAPI document, the note page's byline and the tags reference managers read.
import { describe, expect, it } from 'vitest';
import { tag, useApp } from './client.ts';

const t = useApp();

describe('external authors', () => {
	it('are written by the API and the edit form, and shown in the JSON, the byline and the citation tags', async () => {
		const title = `Rapport ${tag()}`;
		const made = await t.call('/api/v1/notes', {
			token: t.hostToken,
			method: 'POST',
			body: { title, body: 'Texte', status: 'published', externalAuthors: ['Marie Tremblay', 'TIESS'] }
		});
		expect(made.status).toBe(201);
		expect(made.body.externalAuthors).toEqual(['Marie Tremblay', 'TIESS']);
		const tooMany = await t.call('/api/v1/notes', {
			token: t.hostToken,
			method: 'POST',
			body: { title, externalAuthors: Array.from({ length: 21 }, (_, i) => `Nom ${i}`) }
		});
		expect(tooMany.status).toBe(422);

		const openapi = await t.call('/api/v1/openapi.json');
		expect(openapi.body.components.schemas.Note.properties.externalAuthors).toMatchObject({ type: 'array' });
		expect(openapi.body.components.schemas.Note.required).toContain('externalAuthors');

		const page = await (await fetch(`${t.app.url}/en/n/${made.body.id}`)).text();
		const byline = page.match(/<p class="note-byline"[^>]*>([\s\S]*?)<\/p>/)?.[1].replace(/<!--[\s\S]*?-->/g, '') ?? '';
		expect(byline.replace(/\s+/g, ' ')).toMatch(
			/>Marie-Soleil[^<]*<\/a>, <span class="external-author">Marie Tremblay<\/span>, <span class="external-author">TIESS<\/span>/
		);
		expect(page).toMatch(/<meta name="citation_author" content="Marie Tremblay"\s*\/?>/);

		// The edit form: one name per line, saved as a revision.
		const edit = await t.host.postForm(`/en/n/${made.body.id}/edit?/save`, {
			type: 'general',
			title,
			summary: '',
			body: 'Texte',
			language: 'fr',
			licence: 'CC-BY-SA-4.0',
			visibility: 'public',
			communityId: '',
			externalAuthors: 'TIESS\r\nJean-Pierre Côté\r\n',
			baseRevisionId: made.body.revisionId
		});
		expect(edit.status).toBe(303);
		const json = await t.call(`/api/v1/notes/${made.body.id}`);
		expect(json.body.externalAuthors).toEqual(['TIESS', 'Jean-Pierre Côté']);
		expect(json.body.revisionId).not.toBe(made.body.revisionId);
	});
});
