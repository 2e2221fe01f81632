import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { threadMayNameNote } from '../../domain/note-threads.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, joinCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { createNote, CreateNoteInput, deleteNote, setNoteStatus, updateNote, UpdateNoteInput } from '../notes/index.ts';
import {
	discussNote,
	getNoteDiscussion,
	getThread,
	listThreads,
	noteCardsOf,
	noteThreadId,
	postMessage,
	refreshNoteThreadTitle,
	setThreadLocked,
	shareNote,
	ShareNoteInput
} from './index.ts';

const t = useTestContext();
let n = 0;
type Account = Awaited<ReturnType<typeof makeAccount>>;

async function community(visibility: 'public' | 'closed' | 'secret') {
	const host = await makeAccount(t.ctx);
	const slug = `nt-${visibility}-${++n}-${Math.random().toString(36).slice(2, 6)}`;
	const { id } = await createCommunity(t.ctx.db, await host.viewer(), { slug, name: `Communauté ${slug}`, description: '', visibility });
	return { id, slug, host };
}

async function member(c: { id: string; slug: string }, status: 'active' | 'pending' = 'active') {
	const a = await makeAccount(t.ctx);
	await t.ctx.db.insert(schema.membership).values({ communityId: c.id, accountId: a.id, role: 'member', status });
	return a;
}

async function note(author: Account, fields: Partial<CreateNoteInput>, status: 'draft' | 'published' = 'published') {
	const viewer = await author.viewer();
	const { id } = await createNote(
		t.ctx.db,
		viewer,
		CreateNoteInput.parse({ title: `Note ${++n}`, summary: 'Un résumé de la note.', body: 'Texte réservé de la note.', ...fields })
	);
	if (status === 'published') await setNoteStatus(t.ctx.db, viewer, id, 'published');
	return id;
}

const notificationsOf = (accountId: string) =>
	t.ctx.db
		.select()
		.from(schema.notification)
		.where(and(eq(schema.notification.accountId, accountId), eq(schema.notification.kind, 'note_shared')));
const threadRow = async (id: string) => (await t.ctx.db.select().from(schema.thread).where(eq(schema.thread.id, id)))[0];
const at = { lang: 'fr' as const };

describe('discuss this note', () => {
	it('makes the one thread about a note on first use, its first message the card, then finds it', async () => {
		const c = await community('public');
		const host = await c.host.viewer();
		const id = await note(c.host, { visibility: 'public', communityId: c.id });
		const m = await member(c);

		expect(await getNoteDiscussion(t.ctx.db, anonymous, id)).toEqual({
			place: { slug: c.slug, name: `Communauté ${c.slug}` },
			thread: null,
			start: 'sign-in',
			canShare: false
		});
		const first = await discussNote(t.ctx.db, await m.viewer(), id);
		expect(first).toMatchObject({ slug: c.slug, created: true });
		const again = await discussNote(t.ctx.db, host, id);
		expect(again).toEqual({ threadId: first.threadId, slug: c.slug, created: false });

		const view = await getThread(t.ctx.db, anonymous, first.threadId, at);
		expect(view.title).toMatch(/^Note \d+$/);
		expect(view.messages).toHaveLength(1);
		const cards = await noteCardsOf(t.ctx.db, anonymous, first.threadId);
		expect(Object.keys(cards)).toEqual([view.messages[0].id]);
		expect(cards[view.messages[0].id]).toMatchObject({ id, title: view.title, summary: 'Un résumé de la note.' });
		expect(JSON.stringify(cards)).not.toContain('Texte réservé');
		// Nobody was told of an empty thread.
		expect(await t.ctx.db.select().from(schema.notification).where(eq(schema.notification.threadId, first.threadId))).toEqual([]);

		await postMessage(t.ctx.db, host, first.threadId, { body: 'Qu’en pensez-vous?' });
		expect(await getNoteDiscussion(t.ctx.db, anonymous, id)).toMatchObject({
			thread: { id: first.threadId, messageCount: 2 },
			start: null
		});
		expect(await noteThreadId(t.ctx.db, anonymous, id)).toBe(first.threadId);
	});

	it('refuses anonymous readers, non-members and notes that cannot be discussed', async () => {
		const c = await community('public');
		const outsider = await makeAccount(t.ctx);
		const id = await note(c.host, { visibility: 'public', communityId: c.id });
		await expect(discussNote(t.ctx.db, anonymous, id)).rejects.toBeInstanceOf(UnauthorizedError);
		await expect(discussNote(t.ctx.db, await outsider.viewer(), id)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await getNoteDiscussion(t.ctx.db, await outsider.viewer(), id)).toMatchObject({ start: 'join', thread: null });

		const host = await c.host.viewer();
		const draft = await note(c.host, { visibility: 'public', communityId: c.id }, 'draft');
		const lonely = await note(c.host, { visibility: 'public' });
		const own = await note(c.host, { visibility: 'private', communityId: c.id });
		for (const noteId of [draft, lonely, own]) {
			await expect(discussNote(t.ctx.db, host, noteId)).rejects.toBeInstanceOf(ValidationError);
			expect(await getNoteDiscussion(t.ctx.db, host, noteId)).toBeNull();
		}
		// A note the viewer may not see is missing, as everywhere.
		await expect(discussNote(t.ctx.db, await outsider.viewer(), own)).rejects.toBeInstanceOf(NotFoundError);
		await expect(noteThreadId(t.ctx.db, anonymous, draft)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('two members at once get the same thread', async () => {
		const c = await community('public');
		const id = await note(c.host, { visibility: 'public', communityId: c.id });
		const [a, b] = await Promise.all([member(c), member(c)]);
		const [x, y] = await Promise.all([discussNote(t.ctx.db, await a.viewer(), id), discussNote(t.ctx.db, await b.viewer(), id)]);
		expect(x.threadId).toBe(y.threadId);
		expect(await t.ctx.db.select().from(schema.thread).where(eq(schema.thread.noteId, id))).toHaveLength(1);
	});
});

describe('what a thread about a note shows to whom', () => {
	it('a community note in a public community: readers who may not see it get no title, no card, no count on its page', async () => {
		const c = await community('public');
		const id = await note(c.host, { visibility: 'community', communityId: c.id });
		const m = await member(c);
		const outsider = await makeAccount(t.ctx);
		const { threadId } = await discussNote(t.ctx.db, await m.viewer(), id);

		expect((await threadRow(threadId)).title).toBe('');
		for (const v of [anonymous, await outsider.viewer()]) {
			const view = await getThread(t.ctx.db, v, threadId, at);
			expect(view.title).toBe('');
			expect(await noteCardsOf(t.ctx.db, v, threadId)).toEqual({});
			expect(await getNoteDiscussion(t.ctx.db, v, id)).toBeNull();
			await expect(noteThreadId(t.ctx.db, v, id)).rejects.toBeInstanceOf(NotFoundError);
			const listed = await listThreads(t.ctx.db, v, c.slug, { limit: 50 });
			expect(JSON.stringify(listed)).not.toContain('Note ');
		}
		const cards = await noteCardsOf(t.ctx.db, await m.viewer(), threadId);
		expect(Object.values(cards).map((card) => card.id)).toEqual([id]);
	});

	it.each(['closed', 'secret'] as const)(
		'a %s community: its thread, count and link never show to non-members, who are refused alike whether it exists or not',
		async (visibility) => {
			const c = await community(visibility);
			const id = await note(c.host, { visibility: 'public', communityId: c.id });
			const m = await member(c);
			const pending = await member(c, 'pending');
			const outsider = await makeAccount(t.ctx);
			for (const v of [anonymous, await outsider.viewer(), await pending.viewer()])
				expect(await getNoteDiscussion(t.ctx.db, v, id)).toBeNull();
			const before = await discussNote(t.ctx.db, await outsider.viewer(), id).catch((e: unknown) => e);
			const { threadId } = await discussNote(t.ctx.db, await m.viewer(), id);
			const after = await discussNote(t.ctx.db, await outsider.viewer(), id).catch((e: unknown) => e);
			expect(before).toBeInstanceOf(ForbiddenError);
			expect(after).toBeInstanceOf(ForbiddenError);
			expect((after as ForbiddenError).fields).toEqual((before as ForbiddenError).fields);
			for (const v of [anonymous, await outsider.viewer(), await pending.viewer()]) {
				expect(await getNoteDiscussion(t.ctx.db, v, id)).toBeNull();
				await expect(noteThreadId(t.ctx.db, v, id)).rejects.toBeInstanceOf(NotFoundError);
			}
			expect(await getNoteDiscussion(t.ctx.db, await m.viewer(), id)).toMatchObject({ thread: { id: threadId, messageCount: 1 } });
		}
	);

	it('follows the note: renamed with it, unnamed when it stops being visible to all its readers', async () => {
		const c = await community('public');
		const author = await c.host.viewer();
		const id = await note(c.host, { visibility: 'public', communityId: c.id, title: 'Titre public' });
		const { threadId } = await discussNote(t.ctx.db, author, id);
		expect((await threadRow(threadId)).title).toBe('Titre public');
		const revision = async () => (await t.ctx.db.select().from(schema.note).where(eq(schema.note.id, id)))[0].currentRevisionId!;

		await updateNote(t.ctx.db, author, id, UpdateNoteInput.parse({ title: 'Titre revu', baseRevisionId: await revision() }));
		expect((await threadRow(threadId)).title).toBe('Titre revu');
		await updateNote(t.ctx.db, author, id, UpdateNoteInput.parse({ visibility: 'community', baseRevisionId: await revision() }));
		expect((await threadRow(threadId)).title).toBe('');
		expect(await noteCardsOf(t.ctx.db, anonymous, threadId)).toEqual({});
		expect(JSON.stringify(await getThread(t.ctx.db, anonymous, threadId, at))).not.toContain('Titre revu');

		await updateNote(t.ctx.db, author, id, UpdateNoteInput.parse({ visibility: 'public', baseRevisionId: await revision() }));
		expect((await threadRow(threadId)).title).toBe('Titre revu');
		await setNoteStatus(t.ctx.db, author, id, 'draft');
		expect((await threadRow(threadId)).title).toBe('');
		await setNoteStatus(t.ctx.db, author, id, 'published');
		expect((await threadRow(threadId)).title).toBe('Titre revu');
		await deleteNote(t.ctx.db, author, id);
		expect((await threadRow(threadId)).title).toBe('');
		await refreshNoteThreadTitle(t.ctx.db, id);
		expect((await threadRow(threadId)).title).toBe('');
	});

	it('the title rule', () => {
		const facts = { status: 'published' as const, deleted: false, authorIds: [], communityId: 'c1' };
		const pub = { id: 'c1', visibility: 'public' as const };
		const closed = { id: 'c1', visibility: 'closed' as const };
		expect(threadMayNameNote({ ...facts, visibility: 'public' }, [pub])).toBe(true);
		expect(threadMayNameNote({ ...facts, visibility: 'community' }, [pub])).toBe(false);
		expect(threadMayNameNote({ ...facts, visibility: 'community' }, [closed])).toBe(true);
		expect(threadMayNameNote({ ...facts, visibility: 'community' }, [closed, { id: 'c2', visibility: 'closed' }])).toBe(false);
		expect(threadMayNameNote({ ...facts, visibility: 'private' }, [closed])).toBe(false);
		expect(threadMayNameNote({ ...facts, status: 'draft', visibility: 'public' }, [pub])).toBe(false);
	});
});

describe('sharing a note into its community', () => {
	it('posts the card, makes the thread if needed and notifies the members who may see the note', async () => {
		const c = await community('closed');
		const author = await member(c);
		const id = await note(author, { visibility: 'community', communityId: c.id, title: 'Compte rendu' });
		const m = await member(c);
		const pending = await member(c, 'pending');
		const outsider = await makeAccount(t.ctx);
		const viewer = await author.viewer();

		const first = await shareNote(t.ctx.db, viewer, id, ShareNoteInput.parse({}));
		expect(first.created).toBe(true);
		const second = await shareNote(t.ctx.db, viewer, id, ShareNoteInput.parse({ comment: 'Version revue, #gouvernance' }));
		expect(second).toMatchObject({ threadId: first.threadId, created: false });

		const view = await getThread(t.ctx.db, await m.viewer(), first.threadId, at);
		expect(view.title).toBe('Compte rendu');
		expect(view.messages.map((x) => x.id)).toEqual([first.messageId, second.messageId]);
		expect(view.messages[1].tags).toEqual(['gouvernance']);
		expect(Object.keys(await noteCardsOf(t.ctx.db, await m.viewer(), first.threadId)).sort()).toEqual(
			[first.messageId, second.messageId].sort()
		);

		const got = await notificationsOf(m.id);
		expect(got).toHaveLength(2);
		expect(got[0]).toMatchObject({ communityId: c.id, threadId: first.threadId, noteId: id, actorId: author.id });
		const paths = got.map((g) => (g.payload as { path: string }).path).sort();
		expect(paths).toEqual(
			[`/g/${c.slug}/t/${first.threadId}#m-${first.messageId}`, `/g/${c.slug}/t/${first.threadId}#m-${second.messageId}`].sort()
		);
		expect(got.map((g) => (g.payload as { title: string }).title)).toEqual(['Compte rendu', 'Compte rendu']);
		expect(await notificationsOf(c.host.id)).toHaveLength(2);
		for (const nobody of [author, pending, outsider]) expect(await notificationsOf(nobody.id)).toEqual([]);
	});

	it('is for its authors, members of its community, while the thread is open', async () => {
		const c = await community('public');
		const author = await member(c);
		const other = await member(c);
		const id = await note(author, { visibility: 'public', communityId: c.id });
		await expect(shareNote(t.ctx.db, await other.viewer(), id, ShareNoteInput.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(shareNote(t.ctx.db, anonymous, id, ShareNoteInput.parse({}))).rejects.toBeInstanceOf(UnauthorizedError);
		const draft = await note(author, { visibility: 'public', communityId: c.id }, 'draft');
		await expect(shareNote(t.ctx.db, await author.viewer(), draft, ShareNoteInput.parse({}))).rejects.toBeInstanceOf(ValidationError);
		const nowhere = await note(author, { visibility: 'public' });
		await expect(shareNote(t.ctx.db, await author.viewer(), nowhere, ShareNoteInput.parse({}))).rejects.toBeInstanceOf(ValidationError);

		const { threadId } = await shareNote(t.ctx.db, await author.viewer(), id, ShareNoteInput.parse({}));
		expect(await getNoteDiscussion(t.ctx.db, await author.viewer(), id)).toMatchObject({ canShare: true });
		expect(await getNoteDiscussion(t.ctx.db, await other.viewer(), id)).toMatchObject({ canShare: false });
		await setThreadLocked(t.ctx.db, await c.host.viewer(), threadId, true);
		const refused = await shareNote(t.ctx.db, await author.viewer(), id, ShareNoteInput.parse({})).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ForbiddenError);
		expect((refused as ForbiddenError).fields).toEqual({ _: ['discussion_thread_locked'] });
		expect(await getNoteDiscussion(t.ctx.db, await author.viewer(), id)).toMatchObject({ canShare: false });
	});

	it('someone who joins after a share was not told of it, and then sees the thread', async () => {
		const c = await community('public');
		const author = await member(c);
		const id = await note(author, { visibility: 'public', communityId: c.id });
		const late = await makeAccount(t.ctx);
		const { threadId } = await shareNote(t.ctx.db, await author.viewer(), id, ShareNoteInput.parse({}));
		expect(await notificationsOf(late.id)).toEqual([]);
		await joinCommunity(t.ctx, await late.viewer(), c.slug);
		const v: Viewer = await late.viewer();
		expect(await getNoteDiscussion(t.ctx.db, v, id)).toMatchObject({ thread: { id: threadId } });
	});
});
