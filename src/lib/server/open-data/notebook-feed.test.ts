import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { createCommunity, findCommunityBySlug } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { createNotebook, CreateNotebookInput, includeNote } from '../notebooks/index.ts';
import { createNote, CreateNoteInput, deleteNote, setNoteStatus } from '../notes/index.ts';
import { atomFeed, getNotebookFeed } from './index.ts';

const t = useTestContext();
const at = { publicUrl: 'https://x.test', lang: 'fr', format: 'atom' } as const;

async function note(viewer: Viewer, over: Record<string, unknown>, publish = true) {
	const { id } = await createNote(t.ctx.db, viewer, CreateNoteInput.parse({ title: 'Note', ...over }));
	if (publish) await setNoteStatus(t.ctx.db, viewer, id, 'published');
	return id;
}

describe('notebook feeds', () => {
	it('carry only the public, published, non-deleted notes of a public notebook, newest inclusion first', async () => {
		const host = await makeAccount(t.ctx);
		const slug = `flux-${Math.random().toString(36).slice(2, 8)}`;
		await createCommunity(t.ctx.db, await host.viewer(), { slug, name: 'Flux', description: '', visibility: 'public' });
		// Read again: the host is now an active member of the community.
		const v = await host.viewer();
		const communityId = (await findCommunityBySlug(t.ctx.db, slug))!.id;
		const { id: nb } = await createNotebook(t.ctx.db, v, CreateNotebookInput.parse({ title: 'Carnet ouvert', communityId }));
		const older = await note(v, {
			title: 'Première publique',
			summary: 'Résumé',
			licence: 'CC0-1.0',
			externalAuthors: ['Collectif TIESS']
		});
		const newer = await note(v, { title: 'Seconde publique' });
		const leaks = [
			await note(v, { title: 'Brouillon secret' }, false),
			await note(v, { title: 'Privée secrète', visibility: 'private' }),
			await note(v, { title: 'Communauté secrète', visibility: 'community', communityId }),
			await note(v, { title: 'Effacée secrète' })
		];
		for (const noteId of [older, ...leaks, newer]) await includeNote(t.ctx.db, v, nb, { noteId, categoryIds: [] });
		await deleteNote(t.ctx.db, v, leaks[3]);

		const feed = await getNotebookFeed(t.ctx.db, nb, at);
		expect(feed.entries.map((e) => e.title)).toEqual(['Seconde publique', 'Première publique']);
		const first = feed.entries[1];
		expect(first).toMatchObject({
			id: `https://x.test/fr/n/${older}`,
			summary: 'Résumé',
			authors: [expect.stringMatching(/^Person/), 'Collectif TIESS']
		});
		expect(first.licence.label).toBe('CC0 1.0');
		expect(atomFeed(feed)).not.toMatch(/secr[eè]t/i);

		// A notebook that is not public has no feed, as if it did not exist; nor has a deleted one.
		for (const visibility of ['community', 'private'] as const) {
			const { id } = await createNotebook(t.ctx.db, v, CreateNotebookInput.parse({ title: 'Fermé', visibility, communityId }));
			await includeNote(t.ctx.db, v, id, { noteId: older, categoryIds: [] });
			await expect(getNotebookFeed(t.ctx.db, id, at)).rejects.toThrow(NotFoundError);
		}
		await t.ctx.db.update(schema.notebook).set({ deletedAt: new Date() }).where(eq(schema.notebook.id, nb));
		await expect(getNotebookFeed(t.ctx.db, nb, at)).rejects.toThrow(NotFoundError);
		await expect(getNotebookFeed(t.ctx.db, 'nope', at)).rejects.toThrow(NotFoundError);
	});
});
