import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { anonymous } from '../../domain/viewer.ts';
import {
	answerAuthorInvitation,
	createNote,
	CreateNoteInput,
	getNote,
	inviteCoAuthor,
	listAuthorInvitations,
	listAuthorsAndInvitees,
	listNotes,
	ListNotesQuery,
	listOwnNotes,
	moveAuthor,
	removeAuthor,
	setNoteStatus,
	updateNote,
	UpdateNoteInput
} from './index.ts';

const t = useTestContext();
const input = (over: Record<string, unknown> = {}) => CreateNoteInput.parse({ title: 'Une note', body: 'Du texte', ...over });

describe('co-authors', () => {
	it('joins the byline only once the invitee accepts, and may then edit', async () => {
		const [a, b, c] = [await makeAccount(t.ctx), await makeAccount(t.ctx), await makeAccount(t.ctx)];
		const { id, revisionId } = await createNote(t.ctx.db, await a.viewer(), input({ title: 'Écrit à trois' }));
		await inviteCoAuthor(t.ctx.db, await a.viewer(), id, `@${b.handle}`);
		await inviteCoAuthor(t.ctx.db, await a.viewer(), id, c.handle.toUpperCase());
		expect((await listAuthorsAndInvitees(t.ctx.db, id)).map((r) => [r.handle, r.status])).toEqual([
			[a.handle, 'active'],
			[b.handle, 'invited'],
			[c.handle, 'invited']
		]);
		// Invited is not yet an author: the draft stays hidden and closed to edits.
		await expect(getNote(t.ctx.db, await b.viewer(), id)).rejects.toThrow(NotFoundError);
		expect((await listAuthorInvitations(t.ctx.db, await b.viewer())).map((i) => i.title)).toEqual(['Écrit à trois']);

		await answerAuthorInvitation(t.ctx.db, await b.viewer(), id, true);
		await answerAuthorInvitation(t.ctx.db, await c.viewer(), id, false);
		const view = await getNote(t.ctx.db, await b.viewer(), id);
		expect(view.authors.map((x) => x.handle)).toEqual([a.handle, b.handle]);
		expect(view.canEdit).toBe(true);
		await updateNote(t.ctx.db, await b.viewer(), id, UpdateNoteInput.parse({ body: 'Ajout', baseRevisionId: revisionId }));
		expect(await listAuthorInvitations(t.ctx.db, await c.viewer())).toEqual([]);
		await expect(answerAuthorInvitation(t.ctx.db, await c.viewer(), id, true)).rejects.toThrow(NotFoundError);
		expect((await listOwnNotes(t.ctx.db, await b.viewer())).map((n) => n.id)).toEqual([id]);
	});

	it('refuses unknown handles, duplicates and strangers, and keeps the last author', async () => {
		const [a, b, stranger] = [await makeAccount(t.ctx), await makeAccount(t.ctx), await makeAccount(t.ctx)];
		const { id } = await createNote(t.ctx.db, await a.viewer(), input());
		await expect(inviteCoAuthor(t.ctx.db, await a.viewer(), id, 'personne-inconnue')).rejects.toThrow(ValidationError);
		await expect(inviteCoAuthor(t.ctx.db, await a.viewer(), id, a.handle)).rejects.toThrow(ConflictError);
		await inviteCoAuthor(t.ctx.db, await a.viewer(), id, b.handle);
		await expect(inviteCoAuthor(t.ctx.db, await a.viewer(), id, b.handle)).rejects.toThrow(ConflictError);
		// A draft: the stranger may not even learn it exists.
		await expect(inviteCoAuthor(t.ctx.db, await stranger.viewer(), id, stranger.handle)).rejects.toThrow(NotFoundError);
		await setNoteStatus(t.ctx.db, await a.viewer(), id, 'published');
		await expect(inviteCoAuthor(t.ctx.db, await stranger.viewer(), id, stranger.handle)).rejects.toThrow(ForbiddenError);
		await expect(removeAuthor(t.ctx.db, await a.viewer(), id, a.id)).rejects.toThrow(ConflictError);
		await removeAuthor(t.ctx.db, await a.viewer(), id, b.id);
		expect((await listAuthorsAndInvitees(t.ctx.db, id)).map((r) => r.handle)).toEqual([a.handle]);
	});

	it('reorders the byline', async () => {
		const [a, b] = [await makeAccount(t.ctx), await makeAccount(t.ctx)];
		const { id } = await createNote(t.ctx.db, await a.viewer(), input());
		await inviteCoAuthor(t.ctx.db, await a.viewer(), id, b.handle);
		await answerAuthorInvitation(t.ctx.db, await b.viewer(), id, true);
		await moveAuthor(t.ctx.db, await a.viewer(), id, b.id, 'up');
		expect((await getNote(t.ctx.db, await a.viewer(), id)).authors.map((x) => x.handle)).toEqual([b.handle, a.handle]);
		await moveAuthor(t.ctx.db, await a.viewer(), id, b.id, 'up');
		expect((await getNote(t.ctx.db, await a.viewer(), id)).authors.map((x) => x.handle)).toEqual([b.handle, a.handle]);
	});
});

describe('listing notes', () => {
	it('pages through what the viewer may see, filters by title without accents, never shows others’ drafts', async () => {
		const a = await makeAccount(t.ctx);
		const other = await makeAccount(t.ctx);
		const tag = Math.random().toString(36).slice(2, 8);
		const ids: string[] = [];
		for (const n of [1, 2, 3]) {
			const { id } = await createNote(t.ctx.db, await a.viewer(), input({ title: `Économie ${tag} ${n}` }));
			await setNoteStatus(t.ctx.db, await a.viewer(), id, 'published');
			ids.push(id);
		}
		const { id: draft } = await createNote(t.ctx.db, await a.viewer(), input({ title: `Economie ${tag} brouillon` }));
		const q = ListNotesQuery.parse({ q: `economie ${tag}`, limit: '2' });
		const first = await listNotes(t.ctx.db, anonymous, q);
		expect(first.items).toHaveLength(2);
		const second = await listNotes(t.ctx.db, anonymous, { ...q, cursor: first.next! });
		expect([...first.items, ...second.items].map((n) => n.id).sort()).toEqual([...ids].sort());
		expect(second.next).toBeNull();
		const asOther = await listNotes(t.ctx.db, await other.viewer(), ListNotesQuery.parse({ q: tag, limit: '50' }));
		expect(asOther.items.map((n) => n.id)).not.toContain(draft);
		const asAuthor = await listNotes(t.ctx.db, await a.viewer(), ListNotesQuery.parse({ q: tag, limit: '50' }));
		expect(asAuthor.items.map((n) => n.id)).toContain(draft);
		await expect(listNotes(t.ctx.db, anonymous, { ...q, cursor: 'nope' })).rejects.toThrow(ValidationError);

		// A profile's list: published notes by that author only, even for the author.
		const byAuthor = ListNotesQuery.parse({ author: `@${a.handle.toUpperCase()}`, status: 'published', limit: '50' });
		expect((await listNotes(t.ctx.db, await a.viewer(), byAuthor)).items.map((n) => n.id).sort()).toEqual([...ids].sort());
		expect((await listNotes(t.ctx.db, anonymous, { ...byAuthor, author: other.handle })).items).toEqual([]);
	});
});
