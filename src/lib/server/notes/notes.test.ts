import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { EditConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { canViewNote } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, findCommunityBySlug, joinCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { listAdminViews } from '../admin/index.ts';
import { findNoteWithFacts } from './queries.ts';
import { noteIdCandidates } from '../../domain/note-ref.ts';
import {
	compareRevisions,
	createNote,
	CreateNoteInput,
	deleteNote,
	getNote,
	listBacklinks,
	listLinkedNotes,
	renderNoteFor,
	listRevisions,
	restoreNote,
	restoreRevision,
	resolveNoteSegment,
	setNoteStatus,
	updateNote,
	UpdateNoteInput,
	visibleNoteFilter
} from './index.ts';

const t = useTestContext();
const input = (over: Record<string, unknown> = {}) => CreateNoteInput.parse({ title: 'Une note', body: 'Du texte', ...over });

describe('writing notes', () => {
	it('creates a draft with revision 1, visible to its author only until published', async () => {
		const author = await makeAccount(t.ctx);
		const other = await makeAccount(t.ctx);
		const { id, revisionId } = await createNote(t.ctx.db, await author.viewer(), input({ title: "L'économie sociale" }));
		const view = await getNote(t.ctx.db, await author.viewer(), id);
		expect(view.note).toMatchObject({ status: 'draft', slug: 'leconomie-sociale', currentRevisionId: revisionId, licence: 'CC-BY-SA-4.0' });
		expect(view.authors.map((a) => a.handle)).toEqual([author.handle]);
		await expect(getNote(t.ctx.db, anonymous, id)).rejects.toThrow(NotFoundError);
		await expect(getNote(t.ctx.db, await other.viewer(), id)).rejects.toThrow(NotFoundError);
		await setNoteStatus(t.ctx.db, await author.viewer(), id, 'published');
		expect((await getNote(t.ctx.db, anonymous, id)).note.publishedAt).toBeInstanceOf(Date);
		await expect(setNoteStatus(t.ctx.db, await other.viewer(), id, 'draft')).rejects.toThrow(ForbiddenError);
		await expect(createNote(t.ctx.db, anonymous, input())).rejects.toThrow(UnauthorizedError);
	});

	it('saves each edit as a revision and refuses a save based on a stale revision', async () => {
		const author = await makeAccount(t.ctx);
		const v = await author.viewer();
		const { id, revisionId: r1 } = await createNote(t.ctx.db, v, input());
		const { revisionId: r2 } = await updateNote(
			t.ctx.db,
			v,
			id,
			UpdateNoteInput.parse({ body: 'Version 2', baseRevisionId: r1, message: 'précision' })
		);
		const stale = await updateNote(t.ctx.db, v, id, UpdateNoteInput.parse({ body: 'Autre version', baseRevisionId: r1 })).catch((e) => e);
		expect(stale).toBeInstanceOf(EditConflictError);
		expect(stale.currentRevisionId).toBe(r2);
		expect((await getNote(t.ctx.db, v, id)).note.body).toBe('Version 2');
		const history = await listRevisions(t.ctx.db, id);
		expect(history.map((r) => [r.number, r.message])).toEqual([
			[2, 'précision'],
			[1, '']
		]);
	});

	it('lets exactly one of two concurrent saves from the same base win', async () => {
		const author = await makeAccount(t.ctx);
		const v = await author.viewer();
		const { id, revisionId } = await createNote(t.ctx.db, v, input());
		const results = await Promise.allSettled(
			['A', 'B'].map((body) => updateNote(t.ctx.db, v, id, UpdateNoteInput.parse({ body, baseRevisionId: revisionId })))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof EditConflictError)).toHaveLength(1);
		expect(await listRevisions(t.ctx.db, id)).toHaveLength(2);
	});

	it('restores an old revision as a new one', async () => {
		const author = await makeAccount(t.ctx);
		const v = await author.viewer();
		const { id, revisionId: r1 } = await createNote(t.ctx.db, v, input({ body: 'Premier texte' }));
		const { revisionId: r2 } = await updateNote(t.ctx.db, v, id, UpdateNoteInput.parse({ body: 'Second texte', baseRevisionId: r1 }));
		await restoreRevision(t.ctx.db, v, id, r1, (n) => `retour à la version ${n}`);
		expect((await listRevisions(t.ctx.db, id))[0].message).toBe('retour à la version 1');
		const view = await getNote(t.ctx.db, v, id);
		expect(view.note.body).toBe('Premier texte');
		expect(view.note.currentRevisionId).not.toBe(r2);
		expect(await listRevisions(t.ctx.db, id)).toHaveLength(3);
	});

	it('requires membership to attach a note to a community', async () => {
		const author = await makeAccount(t.ctx);
		const host = await makeAccount(t.ctx);
		await createCommunity(t.ctx.db, await host.viewer(), {
			slug: `c-${Date.now()}`,
			name: 'Communauté',
			description: '',
			visibility: 'public'
		});
		const [community] = await t.ctx.db
			.select()
			.from(schema.community)
			.where(sql`${schema.community.createdBy} = ${host.id}`);
		await expect(
			createNote(t.ctx.db, await author.viewer(), input({ visibility: 'community', communityId: community.id }))
		).rejects.toThrow(ForbiddenError);
		await expect(createNote(t.ctx.db, await author.viewer(), input({ visibility: 'community' }))).rejects.toThrow(ValidationError);
	});

	it('soft-deletes: gone for its author, restorable by an admin, whose view is logged', async () => {
		const author = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		const { id } = await createNote(t.ctx.db, await author.viewer(), input());
		await setNoteStatus(t.ctx.db, await author.viewer(), id, 'published');
		await deleteNote(t.ctx.db, await author.viewer(), id);
		await expect(getNote(t.ctx.db, await author.viewer(), id)).rejects.toThrow(NotFoundError);
		await expect(restoreNote(t.ctx.db, await author.viewer(), id)).rejects.toThrow(NotFoundError);
		await getNote(t.ctx.db, await admin.viewer(), id);
		expect(await listAdminViews(t.ctx.db, 'note', id)).toHaveLength(1);
		await restoreNote(t.ctx.db, await admin.viewer(), id);
		expect((await getNote(t.ctx.db, anonymous, id)).note.id).toBe(id);
	});
});

describe('note visibility filter', () => {
	it('agrees with canViewNote for every viewer, status and visibility', async () => {
		const author = await makeAccount(t.ctx);
		const member = await makeAccount(t.ctx);
		const outsider = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		const slug = `notes-${Date.now()}`;
		await createCommunity(t.ctx.db, await author.viewer(), { slug, name: 'Notes', description: '', visibility: 'public' });
		await joinCommunity(t.ctx, await member.viewer(), slug);
		const communityId = (await findCommunityBySlug(t.ctx.db, slug))!.id;
		const ids: string[] = [];
		for (const visibility of ['public', 'community', 'private'] as const) {
			for (const status of ['draft', 'published'] as const) {
				const { id } = await createNote(t.ctx.db, await author.viewer(), input({ visibility, communityId }));
				if (status === 'published') await setNoteStatus(t.ctx.db, await author.viewer(), id, 'published');
				ids.push(id);
			}
		}
		const { id: gone } = await createNote(t.ctx.db, await author.viewer(), input());
		await setNoteStatus(t.ctx.db, await author.viewer(), gone, 'published');
		await deleteNote(t.ctx.db, await author.viewer(), gone);
		ids.push(gone);

		const viewers: Viewer[] = [anonymous, await author.viewer(), await member.viewer(), await outsider.viewer(), await admin.viewer()];
		for (const viewer of viewers) {
			const rows = await t.ctx.db
				.select({ id: schema.note.id })
				.from(schema.note)
				.where(sql`${schema.note.id} in ${ids} and ${visibleNoteFilter(viewer)}`);
			const listed = new Set(rows.map((r) => r.id));
			for (const id of ids) {
				const { facts } = (await findNoteWithFacts(t.ctx.db, id))!;
				expect(listed.has(id), `${viewer.kind} ${JSON.stringify(facts)}`).toBe(canViewNote(viewer, facts));
			}
		}
	});
});

describe('history', () => {
	it('compares two revisions word by word, and hides both from those who may not see the note', async () => {
		const author = await makeAccount(t.ctx);
		const v = await author.viewer();
		const { id, revisionId: r1 } = await createNote(t.ctx.db, v, input({ body: 'Nous avons rêvé en commun' }));
		const { revisionId: r2 } = await updateNote(
			t.ctx.db,
			v,
			id,
			UpdateNoteInput.parse({ body: 'Nous avons imaginé en commun', baseRevisionId: r1 })
		);
		const diff = await compareRevisions(t.ctx.db, v, id, r1, r2);
		expect(diff.body.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text.trim()])).toEqual([
			['removed', 'rêvé'],
			['added', 'imaginé']
		]);
		await expect(compareRevisions(t.ctx.db, anonymous, id, r1, r2)).rejects.toThrow(NotFoundError);
		const { id: other, revisionId: otherRev } = await createNote(t.ctx.db, v, input());
		await expect(compareRevisions(t.ctx.db, v, id, r1, otherRev)).rejects.toThrow(NotFoundError);
		expect(await resolveNoteSegment(t.ctx.db, v, noteIdCandidates(`${other}-une-note`))).toBe(other);
		expect(await resolveNoteSegment(t.ctx.db, anonymous, noteIdCandidates(`${other}-une-note`))).toBeUndefined();
	});
});

describe('links between notes', () => {
	it('links by title at save time, keeps the link through a rename, and shows backlinks only to those who may see them', async () => {
		const author = await makeAccount(t.ctx);
		const stranger = await makeAccount(t.ctx);
		const v = await author.viewer();
		const target = await createNote(t.ctx.db, v, input({ title: 'Économie sociale' }));
		await setNoteStatus(t.ctx.db, v, target.id, 'published');
		const source = await createNote(
			t.ctx.db,
			v,
			input({ title: 'Brouillon privé', body: 'Voir [[économie sociale]] et [[Note absente]].' })
		);
		expect((await getNote(t.ctx.db, v, source.id)).note.body).toBe(`Voir [[id:${target.id}|économie sociale]] et [[Note absente]].`);
		await updateNote(
			t.ctx.db,
			v,
			target.id,
			UpdateNoteInput.parse({ title: 'Économie sociale et solidaire', baseRevisionId: target.revisionId })
		);
		expect((await listLinkedNotes(t.ctx.db, v, source.id)).map((n) => n.title)).toEqual(['Économie sociale et solidaire']);
		// The linking note is a private draft: its backlink shows to its author only.
		expect((await listBacklinks(t.ctx.db, v, target.id)).map((n) => n.id)).toEqual([source.id]);
		expect(await listBacklinks(t.ctx.db, await stranger.viewer(), target.id)).toEqual([]);
		expect(await listBacklinks(t.ctx.db, anonymous, target.id)).toEqual([]);
		const rendered = await renderNoteFor(t.ctx.db, v, (await getNote(t.ctx.db, v, source.id)).note.body, 'fr', 'http://localhost');
		expect(rendered.html).toContain(`href="/fr/n/${target.id}"`);
	});

	it('renders a link to a note the reader may not see exactly like a link to a missing note', async () => {
		const author = await makeAccount(t.ctx);
		const v = await author.viewer();
		const hidden = await createNote(t.ctx.db, v, input({ title: 'Secret' }));
		const body = `[[id:${hidden.id}|lien]]`;
		const forReader = await renderNoteFor(t.ctx.db, anonymous, body, 'fr', 'http://localhost');
		const missing = await renderNoteFor(t.ctx.db, anonymous, '[[id:AAAAAAAAAAAAAAAA|lien]]', 'fr', 'http://localhost');
		expect(forReader.html.replace(hidden.id, 'X')).toBe(missing.html.replace('AAAAAAAAAAAAAAAA', 'X'));
		expect(forReader.html).not.toContain('href');
	});
});

describe('partial edits', () => {
	it('change only the fields they send', async () => {
		const author = await makeAccount(t.ctx);
		const v = await author.viewer();
		const { id, revisionId } = await createNote(t.ctx.db, v, input({ visibility: 'private', licence: 'CC0-1.0', summary: 'Résumé' }));
		await updateNote(t.ctx.db, v, id, UpdateNoteInput.parse({ body: 'Nouveau texte', baseRevisionId: revisionId }));
		expect((await getNote(t.ctx.db, v, id)).note).toMatchObject({
			visibility: 'private',
			licence: 'CC0-1.0',
			summary: 'Résumé',
			body: 'Nouveau texte'
		});
	});
});
