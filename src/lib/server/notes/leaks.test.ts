// Leak matrix (DESIGN §6): every surface this capability has so far × visibility and status × viewer. A viewer who
// may not see a note gets NotFoundError from every single-item surface and finds it in no list.
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, findCommunityBySlug, joinCommunity } from '../communities/index.ts';
import {
	citeNote,
	compareRevisions,
	createNote,
	CreateNoteInput,
	getNote,
	getNotePage,
	listBacklinks,
	listLinkedNotes,
	setNoteStatus,
	updateNote,
	UpdateNoteInput
} from './index.ts';

const t = useTestContext();

describe('note leak matrix', () => {
	it('hides each note on every surface from exactly the viewers the rule excludes', async () => {
		const author = await makeAccount(t.ctx);
		const member = await makeAccount(t.ctx);
		const other = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		const slug = `leaks-${Date.now()}`;
		await createCommunity(t.ctx.db, await author.viewer(), { slug, name: 'Fuites', description: '', visibility: 'public' });
		await joinCommunity(t.ctx, await member.viewer(), slug);
		const communityId = (await findCommunityBySlug(t.ctx.db, slug))!.id;
		const a = await author.viewer();

		// A public hub that every case links to and that links back: the links and backlinks surfaces.
		const hub = await createNote(t.ctx.db, a, CreateNoteInput.parse({ title: `Carrefour ${slug}`, visibility: 'public' }));
		await setNoteStatus(t.ctx.db, a, hub.id, 'published');

		const cases = [
			{ visibility: 'public', status: 'published', sees: ['anonymous', 'other', 'member', 'author', 'admin'] },
			{ visibility: 'public', status: 'draft', sees: ['author', 'admin'] },
			{ visibility: 'community', status: 'published', sees: ['member', 'author', 'admin'] },
			{ visibility: 'private', status: 'published', sees: ['author', 'admin'] }
		] as const;
		const notes = [];
		for (const c of cases) {
			const title = `Cas ${c.visibility} ${c.status} ${slug}`;
			const { id, revisionId } = await createNote(
				t.ctx.db,
				a,
				CreateNoteInput.parse({ title, body: `Lien vers [[Carrefour ${slug}]]`, visibility: c.visibility, communityId })
			);
			const second = await updateNote(
				t.ctx.db,
				a,
				id,
				UpdateNoteInput.parse({ body: `Toujours [[Carrefour ${slug}]].`, baseRevisionId: revisionId })
			);
			if (c.status === 'published') await setNoteStatus(t.ctx.db, a, id, 'published');
			notes.push({ ...c, id, title, revisions: [revisionId, second.revisionId] });
		}
		const hubBody = notes.map((n) => `[[id:${n.id}|${n.title}]]`).join(' ');
		await updateNote(t.ctx.db, a, hub.id, UpdateNoteInput.parse({ body: hubBody, baseRevisionId: hub.revisionId }));

		const viewers: Record<string, Viewer> = {
			anonymous,
			other: await other.viewer(),
			member: await member.viewer(),
			author: a,
			admin: await admin.viewer()
		};
		for (const [who, viewer] of Object.entries(viewers)) {
			const hubPage = await getNotePage(t.ctx.db, viewer, hub.id, 'fr', 'http://x');
			const backlinks = (await listBacklinks(t.ctx.db, viewer, hub.id)).map((n) => n.id);
			const linked = (await listLinkedNotes(t.ctx.db, viewer, hub.id)).map((n) => n.id);
			for (const n of notes) {
				const sees = (n.sees as readonly string[]).includes(who);
				const label = `${who} / ${n.visibility} ${n.status}`;
				const single = [
					() => getNote(t.ctx.db, viewer, n.id),
					() => getNotePage(t.ctx.db, viewer, n.id, 'fr', 'http://x'),
					() => citeNote(t.ctx.db, viewer, n.id, 'bibtex', 'fr', 'http://x'),
					() => compareRevisions(t.ctx.db, viewer, n.id, n.revisions[0], n.revisions[1])
				];
				for (const surface of single) {
					if (sees) await expect(surface(), label).resolves.toBeTruthy();
					else await expect(surface(), label).rejects.toThrow(NotFoundError);
				}
				expect(backlinks.includes(n.id), `backlinks ${label}`).toBe(sees);
				expect(linked.includes(n.id), `links ${label}`).toBe(sees);
				// The rendered hub neither links to a hidden note nor shows its id or title.
				expect(hubPage.html.includes(n.id), `rendered link ${label}`).toBe(sees);
			}
		}
	}, 120_000);
});
