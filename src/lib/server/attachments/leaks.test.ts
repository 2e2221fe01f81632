// Leak matrix for files (DESIGN §6): whoever may not see a note gets NotFoundError for its files, finds none of them
// in a list, and sees no card for them in another note's body, exactly as for a file that never existed.
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import * as files from '../../../../tests/support/files.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { listAdminViews } from '../admin/index.ts';
import { createCommunity, findCommunityBySlug, joinCommunity } from '../communities/index.ts';
import { createNote, CreateNoteInput, deleteNote, setNoteStatus } from '../notes/index.ts';
import { findAttachmentFacts, listAttachments, openAttachment, uploadAttachment } from './index.ts';

const t = useTestContext();

describe('file leak matrix', () => {
	it('hides each note’s files from exactly the viewers the rule excludes', async () => {
		const author = await makeAccount(t.ctx);
		const member = await makeAccount(t.ctx);
		const other = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		const slug = `fichiers-${Date.now()}`;
		await createCommunity(t.ctx.db, await author.viewer(), { slug, name: 'Fichiers', description: '', visibility: 'public' });
		await joinCommunity(t.ctx, await member.viewer(), slug);
		const communityId = (await findCommunityBySlug(t.ctx.db, slug))!.id;
		const a = await author.viewer();

		const cases = [
			{
				what: 'public published',
				visibility: 'public',
				publish: true,
				remove: false,
				sees: ['anonymous', 'other', 'member', 'author', 'admin']
			},
			{ what: 'public draft', visibility: 'public', publish: false, remove: false, sees: ['author', 'admin'] },
			{ what: 'community published', visibility: 'community', publish: true, remove: false, sees: ['member', 'author', 'admin'] },
			{ what: 'private published', visibility: 'private', publish: true, remove: false, sees: ['author', 'admin'] },
			{ what: 'public deleted', visibility: 'public', publish: true, remove: true, sees: ['admin'] }
		] as const;
		const made = [];
		for (const c of cases) {
			const { id } = await createNote(t.ctx.db, a, CreateNoteInput.parse({ title: c.what, visibility: c.visibility, communityId }));
			const file = await uploadAttachment(t.ctx, a, id, { file: files.pdf(), filename: `${c.what}.pdf` });
			if (c.publish) await setNoteStatus(t.ctx.db, a, id, 'published');
			if (c.remove) await deleteNote(t.ctx.db, a, id);
			made.push({ ...c, noteId: id, fileId: file.id });
		}
		// A public note whose body links to every file: its cards must show only what the reader may see.
		const body = made.map((m) => `[${m.what}](/files/${m.fileId}/x.pdf)`).join('\n\n');

		const viewers: Record<string, Viewer> = {
			anonymous,
			other: await other.viewer(),
			member: await member.viewer(),
			author: a,
			admin: await admin.viewer()
		};
		for (const [who, viewer] of Object.entries(viewers)) {
			const facts = await findAttachmentFacts(t.ctx.db, viewer, body);
			for (const m of made) {
				const sees = (m.sees as readonly string[]).includes(who);
				const label = `${who} / ${m.what}`;
				if (sees) {
					const opened = await openAttachment(t.ctx, viewer, m.fileId);
					expect(opened.attachment.id, label).toBe(m.fileId);
					expect(opened.isPublic, label).toBe(m.what === 'public published');
					expect(
						(await listAttachments(t.ctx, viewer, m.noteId)).map((x) => x.id),
						label
					).toEqual([m.fileId]);
					expect(facts(m.fileId), label).toMatchObject({ kind: 'document', mime: 'application/pdf', filename: `${m.what}.pdf` });
				} else {
					await expect(openAttachment(t.ctx, viewer, m.fileId), label).rejects.toThrow(NotFoundError);
					await expect(listAttachments(t.ctx, viewer, m.noteId), label).rejects.toThrow(NotFoundError);
					expect(facts(m.fileId), label).toBeNull();
				}
			}
		}
		// An admin who opens a file only their role lets them see leaves a trace (DESIGN §6).
		const hidden = made.find((m) => m.what === 'private published')!;
		expect((await listAdminViews(t.ctx.db, 'note', hidden.noteId)).map((v) => v.adminId)).toContain(admin.id);
	});

	it('answers an unknown id like a hidden one', async () => {
		await expect(openAttachment(t.ctx, anonymous, 'AAAAAAAAAAAAAAAA')).rejects.toThrow(NotFoundError);
		expect((await findAttachmentFacts(t.ctx.db, anonymous, '[x](/files/AAAAAAAAAAAAAAAA/x.pdf)'))('AAAAAAAAAAAAAAAA')).toBeNull();
	});
});
