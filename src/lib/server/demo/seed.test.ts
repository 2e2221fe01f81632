import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { authFor } from '../../../../tests/support/factories.ts';
import { anonymous } from '../../domain/viewer.ts';
import { getKnowledgeBase } from '../knowledge-bases/index.ts';
import { getNote } from '../notes/index.ts';
import { seedDemo, SEED_KNOWLEDGE_BASE_ID, SEED_NOTE_ID, SEED_NOTEBOOK_ID } from './seed.ts';

const t = useTestContext();

describe('demo content', () => {
	it('loads once, with the Praxis note under its original id, author, licence, dates and community', async () => {
		expect(await seedDemo(t.ctx, authFor(t.ctx))).toContain('Demo content loaded');
		expect(await seedDemo(t.ctx, authFor(t.ctx))).toBeNull();
		const { note, authors, community } = await getNote(t.ctx.db, anonymous, SEED_NOTE_ID);
		expect(note).toMatchObject({
			title: "Atelier 4 - Présenter et rêver le modèle de soutenabilité d'En commun",
			licence: 'CC-BY-NC-SA-4.0',
			visibility: 'public',
			status: 'published',
			language: 'fr'
		});
		expect(note.publishedAt?.toISOString().slice(0, 10)).toBe('2024-05-27');
		expect(note.updatedAt.toISOString()).toBe('2024-07-10T20:24:00.000Z');
		expect(note.body).toContain('## Intention');
		expect(authors.map((a) => a.displayName)).toEqual(["Marie-Soleil L'Allier"]);
		expect(community?.name).toBe('En commun - soutien et développement');
		// The demo knowledge base holds the demo notebook, for anyone to read and export.
		const kb = await getKnowledgeBase(t.ctx.db, anonymous, SEED_KNOWLEDGE_BASE_ID);
		expect(kb.knowledgeBase).toMatchObject({ title: 'Savoirs des plateformes En commun', visibility: 'public' });
		expect(kb.notebooks.map((nb) => nb.id)).toEqual([SEED_NOTEBOOK_ID]);
		expect(kb.noteCount).toBe(1);
	});
});
