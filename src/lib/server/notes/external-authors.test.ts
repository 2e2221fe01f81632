// People credited without an account: kept in order after the account authors, wherever a byline is shown.
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { EditConflictError } from '../../domain/errors.ts';
import {
	citeNote,
	createNote,
	CreateNoteInput,
	getEditNotePage,
	getNote,
	getNoteJson,
	listRevisions,
	presentNoteMetadata,
	updateNote,
	UpdateNoteForm,
	UpdateNoteInput
} from './index.ts';

const t = useTestContext();

describe('external authors', () => {
	it('follow the account authors in the note JSON, citations and reference managers’ tags', async () => {
		const me = await makeAccount(t.ctx);
		const v = await me.viewer();
		const { id } = await createNote(
			t.ctx.db,
			v,
			CreateNoteInput.parse({ title: 'Rapport d’atelier', externalAuthors: ['Marie Tremblay', 'TIESS'] })
		);
		const json = await getNoteJson(t.ctx.db, v, id, 'https://example.org', 'fr');
		expect(json.authors.map((a) => a.handle)).toEqual([me.handle]);
		expect(json.externalAuthors).toEqual(['Marie Tremblay', 'TIESS']);
		const apa = await citeNote(t.ctx.db, v, id, 'apa', 'en', 'https://example.org');
		// Names are split as display names are (citations/names.ts): a person's inverted, a single word left whole.
		expect(apa.text).toMatch(/^Person \d+, Tremblay, M\., & TIESS\. \(/);
		const csl = JSON.parse((await citeNote(t.ctx.db, v, id, 'csl-json', 'en', 'https://example.org')).text);
		expect(csl[0].author.slice(1)).toEqual([{ family: 'Tremblay', given: 'Marie' }, { literal: 'TIESS' }]);
		const { meta, jsonLdScript } = presentNoteMetadata(await getNote(t.ctx.db, v, id), 'https://example.org/fr/n/x', 'Commonplace');
		expect(meta.filter((m) => m.name === 'citation_author').map((m) => m.content)).toEqual([
			expect.stringMatching(/^Person \d+$/),
			'Marie Tremblay',
			'TIESS'
		]);
		expect(jsonLdScript).toContain('{"@type":"Person","name":"Marie Tremblay"}');
	});

	it('change with a revision, under the same conflict rule as the text, and come one per line from the form', async () => {
		const me = await makeAccount(t.ctx);
		const v = await me.viewer();
		const { id, revisionId } = await createNote(t.ctx.db, v, CreateNoteInput.parse({ title: 'Note' }));
		expect((await getNote(t.ctx.db, v, id)).note.externalAuthors).toEqual([]);
		const form = UpdateNoteForm.parse({ externalAuthors: ' Marie Tremblay \r\n\r\nJean-Pierre Côté\n', baseRevisionId: revisionId });
		expect(form.externalAuthors).toEqual(['Marie Tremblay', 'Jean-Pierre Côté']);
		await updateNote(t.ctx.db, v, id, form);
		expect((await listRevisions(t.ctx.db, id)).length).toBe(2);
		expect((await getEditNotePage(t.ctx.db, v, id)).values.externalAuthors).toBe('Marie Tremblay\nJean-Pierre Côté');
		// A save from the first revision is refused and changes nothing.
		await expect(
			updateNote(t.ctx.db, v, id, UpdateNoteInput.parse({ externalAuthors: ['Quelqu’un'], baseRevisionId: revisionId }))
		).rejects.toThrow(EditConflictError);
		expect((await getNote(t.ctx.db, v, id)).note.externalAuthors).toEqual(['Marie Tremblay', 'Jean-Pierre Côté']);
	});

	it('are at most 20 names of 1 to 200 characters', () => {
		const codes = (input: unknown) => {
			try {
				CreateNoteInput.parse(input);
				return [];
			} catch (e) {
				return (e as ZodError).issues.map((i) => `${i.path.join('.')}:${i.message}`);
			}
		};
		expect(codes({ title: 'x', externalAuthors: Array.from({ length: 20 }, (_, i) => `Nom ${i}`) })).toEqual([]);
		expect(codes({ title: 'x', externalAuthors: Array.from({ length: 21 }, (_, i) => `Nom ${i}`) })).toEqual([
			'externalAuthors:external_authors_too_many'
		]);
		expect(codes({ title: 'x', externalAuthors: ['ok', 'x'.repeat(201), '  '] })).toEqual([
			'externalAuthors.1:external_author_too_long',
			'externalAuthors.2:external_author_empty'
		]);
	});
});
