import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { canSeeNotification, signUnsubscribeToken } from '../../domain/notifications.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { viewerOf } from '../accounts/index.ts';
import { createCommunity, decideRequest, joinCommunity, leaveCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { postMessage, shareNote, ShareNoteInput, startThread } from '../discussions/index.ts';
import {
	answerAuthorInvitation,
	createNote,
	CreateNoteInput,
	deleteNote,
	inviteCoAuthor,
	setNoteStatus,
	updateNote,
	UpdateNoteInput
} from '../notes/index.ts';
import {
	countUnread,
	deliverOutbox,
	describeUnsubscribe,
	getNotificationSettings,
	listNotifications,
	markAllNotificationsRead,
	markNotificationRead,
	notify,
	runDigest,
	runDueJobs,
	saveNotificationSettings,
	unsubscribe
} from './index.ts';
import { jobName } from './digest-job.ts';
import { visibleNotificationFilter, loadNotificationFacts } from './visibility-filter.ts';

const t = useTestContext();
let n = 0;
type Person = Awaited<ReturnType<typeof makeAccount>>;
const account = (v: Viewer) => v as Extract<Viewer, { kind: 'account' }>;

async function community(visibility: 'public' | 'closed' | 'secret', host?: Person) {
	const h = host ?? (await makeAccount(t.ctx));
	const slug = `n-${visibility}-${++n}-${Math.random().toString(36).slice(2, 6)}`;
	const { id } = await createCommunity(t.ctx.db, await h.viewer(), { slug, name: `Communauté ${slug}`, description: '', visibility });
	return { id, slug, name: `Communauté ${slug}`, host: h };
}

async function member(c: { id: string }, opts: { locale?: 'fr' | 'en' } = {}) {
	const a = await makeAccount(t.ctx, opts);
	await t.ctx.db.insert(schema.membership).values({ communityId: c.id, accountId: a.id, role: 'member', status: 'active' });
	return a;
}

const thread = async (c: { slug: string; host: Person }, title: string) =>
	startThread(t.ctx.db, await c.host.viewer(), c.slug, { title, body: `Premier message de ${title}`, alsoIn: [] });

const rowsOf = (accountId: string) => t.ctx.db.select().from(schema.notification).where(eq(schema.notification.accountId, accountId));
const outboxOf = (accountId: string) => t.ctx.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.accountId, accountId));
const setPref = (accountId: string, communityId: string, email: 'immediate' | 'daily' | 'weekly' | 'off') =>
	t.ctx.db
		.insert(schema.notificationPreference)
		.values({ accountId, communityId, email })
		.onConflictDoUpdate({ target: [schema.notificationPreference.accountId, schema.notificationPreference.communityId], set: { email } });

async function draftNote(author: Person, fields: Partial<CreateNoteInput> = {}) {
	const { id } = await createNote(
		t.ctx.db,
		await author.viewer(),
		CreateNoteInput.parse({ title: `Note ${++n}`, body: 'Texte', ...fields })
	);
	return id;
}

async function publishedNote(author: Person, fields: Partial<CreateNoteInput>) {
	const id = await draftNote(author, fields);
	await setNoteStatus(t.ctx.db, await author.viewer(), id, 'published');
	return id;
}

/** Makes the digest of this frequency due (as if its time passed while the app was down). */
async function makeDue(frequency: 'daily' | 'weekly', ago = 3_600_000) {
	const past = new Date(Date.now() - ago);
	await t.ctx.db
		.insert(schema.jobSchedule)
		.values({ name: jobName(frequency), nextRunAt: past })
		.onConflictDoUpdate({ target: schema.jobSchedule.name, set: { nextRunAt: past } });
}

/** Notification mail sent to this address (sign-up verification mail aside). */
const mailsTo = (email: string) => t.ctx.mailer.sent.filter((m) => m.to === email && m.headers?.['List-Unsubscribe-Post']);

beforeEach(() => {
	t.ctx.mailer.sent.length = 0;
});

describe('in the app', () => {
	it('lists a new thread for the members, newest first, with its text, link and actor; marks read', async () => {
		const c = await community('closed');
		const alex = await member(c, { locale: 'en' });
		await thread(c, 'Budget participatif');
		await thread(c, 'Assemblée de juin');
		const viewer = account(await alex.viewer());
		const page = await listNotifications(t.ctx.db, viewer, 'en', { limit: 1 });
		expect(page.unread).toBe(2);
		expect(page.items).toHaveLength(1);
		expect(page.items[0].text).toContain('“Assemblée de juin”');
		expect(page.items[0].href).toMatch(new RegExp(`^/en/g/${c.slug}/t/`));
		expect(page.items[0].actor?.handle).toBe(c.host.handle);
		const second = await listNotifications(t.ctx.db, viewer, 'fr', { limit: 1, cursor: page.next! });
		expect(second.items[0].text).toContain('« Budget participatif »');
		expect(second.next).toBeNull();

		await markNotificationRead(t.ctx.db, viewer, page.items[0].id);
		expect(await countUnread(t.ctx.db, viewer)).toBe(1);
		const stranger = account(await (await makeAccount(t.ctx)).viewer());
		await expect(markNotificationRead(t.ctx.db, stranger, second.items[0].id)).rejects.toThrow(NotFoundError);
		await markAllNotificationsRead(t.ctx.db, viewer);
		expect(await countUnread(t.ctx.db, viewer)).toBe(0);
		// The host started them: nobody is told of their own doing.
		expect(await rowsOf(c.host.id)).toHaveLength(0);
	});

	it('forgets a closed community’s items for someone who left it: list, count and digest', async () => {
		const c = await community('closed');
		const alex = await member(c);
		await thread(c, 'Sujet confidentiel');
		expect(await countUnread(t.ctx.db, await alex.viewer())).toBe(1);
		await leaveCommunity(t.ctx.db, await alex.viewer(), c.slug);
		const after = account(await alex.viewer());
		expect(await countUnread(t.ctx.db, after)).toBe(0);
		expect((await listNotifications(t.ctx.db, after, 'fr', { limit: 20 })).items).toHaveLength(0);
		await makeDue('daily');
		await runDigest(t.ctx, 'daily');
		expect(await outboxOf(alex.id)).toHaveLength(0);
		await deliverOutbox(t.ctx, { exclusive: true });
		expect(mailsTo(alex.email)).toHaveLength(0);
	});

	it('mails nothing about a thread its recipient may not read, even when a caller names them by mistake', async () => {
		const c = await community('secret');
		const started = await thread(c, 'Fil secret');
		const outsider = await makeAccount(t.ctx);
		await setPref(outsider.id, c.id, 'immediate');
		await notify(t.ctx.db, [
			{
				accountId: outsider.id,
				kind: 'reply',
				communityId: c.id,
				threadId: started.threadId,
				payload: { title: 'Fil secret', path: '/g/x' }
			}
		]);
		expect(await outboxOf(outsider.id)).toHaveLength(0);
		const viewer = account(await outsider.viewer());
		expect(await countUnread(t.ctx.db, viewer)).toBe(0);
		expect((await listNotifications(t.ctx.db, viewer, 'fr', { limit: 20 })).items).toHaveLength(0);
		await makeDue('daily');
		await setPref(outsider.id, c.id, 'daily');
		await runDigest(t.ctx, 'daily');
		expect(await outboxOf(outsider.id)).toHaveLength(0);
	});

	it('hides the item of a message deleted or hidden since', async () => {
		const c = await community('public');
		const alex = await member(c);
		const started = await thread(c, 'Question');
		const { messageId } = await postMessage(t.ctx.db, await alex.viewer(), started.threadId, { body: 'Ma réponse', parentId: null });
		expect(
			(await listNotifications(t.ctx.db, account(await c.host.viewer()), 'fr', { limit: 5 })).items.some((i) => i.kind === 'reply')
		).toBe(true);
		await t.ctx.db.update(schema.message).set({ deletedAt: new Date() }).where(eq(schema.message.id, messageId));
		expect(
			(await listNotifications(t.ctx.db, account(await c.host.viewer()), 'fr', { limit: 5 })).items.some((i) => i.kind === 'reply')
		).toBe(false);
	});

	it('agrees with the domain rule (canSeeNotification) on every kind of viewer and item', async () => {
		const closed = await community('closed');
		const pub = await community('public', closed.host);
		const secret = await community('secret', closed.host);
		const people = [await member(closed), await member(pub), await member(secret), await makeAccount(t.ctx), await makeAccount(t.ctx, {})];
		const admin = await makeAccount(t.ctx, { admin: true });
		people.push(admin);
		const threads = [await thread(closed, 'A'), await thread(pub, 'B'), await thread(secret, 'C')];
		const items = [];
		for (const p of people) {
			for (const [i, c] of [closed, pub, secret].entries()) {
				items.push({ accountId: p.id, kind: 'thread' as const, communityId: c.id, threadId: threads[i].threadId, payload: { title: 'x' } });
			}
		}
		// One notify per item: notify keeps one item per account per call.
		for (const item of items) await notify(t.ctx.db, [item]);
		for (const p of people) await notify(t.ctx.db, [{ accountId: p.id, kind: 'membership_approved', communityId: closed.id }]);
		for (const p of people) await notify(t.ctx.db, [{ accountId: p.id, kind: 'direct_message' }]);
		// A conversation of the first two: its items are for its participants only.
		const conversationId = `conv-${n++}-${Math.random().toString(36).slice(2, 8)}`;
		await t.ctx.db.insert(schema.conversation).values({ id: conversationId, createdBy: people[0].id });
		await t.ctx.db.insert(schema.conversationParticipant).values([
			{ conversationId, accountId: people[0].id },
			{ conversationId, accountId: people[1].id }
		]);
		for (const p of people) await notify(t.ctx.db, [{ accountId: p.id, kind: 'direct_message', conversationId }]);
		// Items about notes of every visibility (published public, community, private; a draft; a deleted one), and an
		// invitation to co-author the draft.
		const author = closed.host;
		const notes = [
			await publishedNote(author, { visibility: 'public' }),
			await publishedNote(author, { visibility: 'community', communityId: closed.id }),
			await publishedNote(author, { visibility: 'private' }),
			await draftNote(author),
			await publishedNote(author, { visibility: 'public' })
		];
		await deleteNote(t.ctx.db, await author.viewer(), notes[4]);
		for (const p of people)
			for (const noteId of notes) await notify(t.ctx.db, [{ accountId: p.id, kind: 'note_shared', communityId: pub.id, noteId }]);
		await inviteCoAuthor(t.ctx.db, await author.viewer(), notes[3], people[3].handle);
		for (const p of people) {
			const viewer = await viewerOf(t.ctx.db, p.id);
			const all = await rowsOf(p.id);
			const facts = await loadNotificationFacts(
				t.ctx.db,
				all.map((r) => r.id)
			);
			const visible = new Set(
				(
					await t.ctx.db
						.select({ id: schema.notification.id })
						.from(schema.notification)
						.where(and(eq(schema.notification.accountId, p.id), visibleNotificationFilter(viewer)))
				).map((r) => r.id)
			);
			for (const row of all)
				expect(visible.has(row.id), `${row.kind} ${row.communityId}`).toBe(canSeeNotification(viewer, facts.get(row.id)!));
			const dm = all.find((r) => r.conversationId === conversationId)!;
			expect(visible.has(dm.id)).toBe(p === people[0] || p === people[1]);
			const aboutNote = (id: string) => all.some((r) => r.noteId === id && visible.has(r.id));
			expect(aboutNote(notes[0])).toBe(true);
			expect(aboutNote(notes[1])).toBe(p === people[0] || p === admin);
			expect(aboutNote(notes[2])).toBe(p === admin);
			expect(aboutNote(notes[3])).toBe(p === people[3] || p === admin);
			expect(aboutNote(notes[4])).toBe(p === admin);
		}
	});

	it('forgets a shared note once its reader may no longer see it: made private, unpublished, deleted (list, count, digest)', async () => {
		const c = await community('public');
		const alex = await member(c);
		const bea = await member(c);
		const author = await c.host.viewer();
		const shared = async () => {
			const id = await publishedNote(c.host, { visibility: 'public', communityId: c.id, title: `Note partagée ${++n}` });
			await shareNote(t.ctx.db, author, id, ShareNoteInput.parse({}));
			return id;
		};
		const sharedItems = async (p: Person) =>
			(await listNotifications(t.ctx.db, account(await p.viewer()), 'fr', { limit: 50 })).items.filter((i) => i.kind === 'note_shared');
		const revision = async (id: string) => (await t.ctx.db.select().from(schema.note).where(eq(schema.note.id, id)))[0].currentRevisionId!;

		const madePrivate = await shared();
		const unpublished = await shared();
		const deleted = await shared();
		expect(await sharedItems(alex)).toHaveLength(3);
		expect(await countUnread(t.ctx.db, await alex.viewer())).toBe(3);

		await updateNote(
			t.ctx.db,
			author,
			madePrivate,
			UpdateNoteInput.parse({ visibility: 'private', baseRevisionId: await revision(madePrivate) })
		);
		expect(await sharedItems(alex)).toHaveLength(2);
		expect(await countUnread(t.ctx.db, await alex.viewer())).toBe(2);
		await setNoteStatus(t.ctx.db, author, unpublished, 'draft');
		await deleteNote(t.ctx.db, author, deleted);
		expect(await sharedItems(alex)).toHaveLength(0);
		expect(await countUnread(t.ctx.db, await bea.viewer())).toBe(0);
		const kept = await shared();
		expect((await sharedItems(alex)).map((i) => i.text)).toEqual([expect.stringContaining('Note partagée')]);

		// The digest asks again: only the note still public is mailed, and the hidden ones are not claimed either.
		await makeDue('daily');
		await runDigest(t.ctx, 'daily');
		const [digest] = (await outboxOf(alex.id)).filter((m) => m.kind === 'digest:daily');
		const title = (id: string) => t.ctx.db.select({ title: schema.note.title }).from(schema.note).where(eq(schema.note.id, id));
		expect(digest.text).toContain((await title(kept))[0].title);
		for (const hidden of [madePrivate, unpublished, deleted]) expect(digest.text).not.toContain((await title(hidden))[0].title);
		// Back to public: the item comes back, as it was never mailed.
		await setNoteStatus(t.ctx.db, author, unpublished, 'published');
		expect(await sharedItems(alex)).toHaveLength(2);
	});

	it('keeps a co-author invitation for its invitee until answered or the note is deleted', async () => {
		const author = await makeAccount(t.ctx);
		const invitee = await makeAccount(t.ctx);
		const invitations = async () =>
			(await listNotifications(t.ctx.db, account(await invitee.viewer()), 'fr', { limit: 50 })).items.filter(
				(i) => i.kind === 'coauthor_invitation'
			);
		const declined = await draftNote(author);
		const deleted = await draftNote(author);
		await inviteCoAuthor(t.ctx.db, await author.viewer(), declined, invitee.handle);
		await inviteCoAuthor(t.ctx.db, await author.viewer(), deleted, invitee.handle);
		// A draft nobody else may see: the invitation still names it to its invitee, as "My notes" does.
		expect(await invitations()).toHaveLength(2);
		await answerAuthorInvitation(t.ctx.db, await invitee.viewer(), declined, false);
		expect(await invitations()).toHaveLength(1);
		await deleteNote(t.ctx.db, await author.viewer(), deleted);
		expect(await invitations()).toHaveLength(0);
		expect(await countUnread(t.ctx.db, await invitee.viewer())).toBe(0);
	});
});

describe('hooks', () => {
	it('tells the hosts of a request, the requester of the approval, an invitee of a co-authorship', async () => {
		const c = await community('closed');
		const asker = await makeAccount(t.ctx);
		await joinCommunity(t.ctx, await asker.viewer(), c.slug);
		const [request] = await rowsOf(c.host.id);
		expect(request).toMatchObject({ kind: 'membership_request', actorId: asker.id, communityId: c.id });
		await decideRequest(t.ctx.db, await c.host.viewer(), c.slug, asker.id, 'approve');
		expect((await rowsOf(asker.id)).map((r) => r.kind)).toEqual(['membership_approved']);

		const author = await makeAccount(t.ctx);
		const invitee = await makeAccount(t.ctx);
		const note = await createNote(t.ctx.db, await author.viewer(), CreateNoteInput.parse({ title: 'Note à deux', body: 'Texte' }));
		await inviteCoAuthor(t.ctx.db, await author.viewer(), note.id, invitee.handle);
		const [invitation] = await rowsOf(invitee.id);
		expect(invitation).toMatchObject({ kind: 'coauthor_invitation', noteId: note.id, payload: { title: 'Note à deux', path: '/notes' } });
		// Personal items go out at once (ADR 10).
		expect((await outboxOf(invitee.id)).map((m) => m.kind)).toEqual(['notification:coauthor_invitation']);
	});
});

describe('email', () => {
	it('queues an immediate item with its notification, and the sender delivers it with a one-click unsubscribe', async () => {
		const c = await community('public');
		const alex = await member(c, { locale: 'en' });
		await setPref(alex.id, c.id, 'immediate');
		await thread(c, 'Jardins partagés');
		const [queued] = await outboxOf(alex.id);
		expect(queued.sentAt).toBeNull();
		const [row] = await rowsOf(alex.id);
		expect(row.emailedAt).not.toBeNull();
		await deliverOutbox(t.ctx, { exclusive: t.database.kind === 'pglite' });
		const [mail] = mailsTo(alex.email);
		expect(mail.subject).toContain('Jardins partagés');
		expect(mail.text).toContain(`${t.ctx.config.publicUrl}/en/g/${c.slug}/t/`);
		const token = signUnsubscribeToken(t.ctx.config.authSecret, { accountId: alex.id, communityId: c.id });
		expect(mail.headers).toMatchObject({
			'List-Unsubscribe': `<${t.ctx.config.publicUrl}/en/unsubscribe/${token}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
		expect(mail.text).toContain(`/en/unsubscribe/${token}`);
		expect(mail.text).not.toMatch(/[\uE000-\uF8FF]/);
		expect((await outboxOf(alex.id))[0].sentAt).not.toBeNull();
		// Delivered once: a second pass sends nothing more.
		await deliverOutbox(t.ctx, { exclusive: t.database.kind === 'pglite' });
		expect(mailsTo(alex.email)).toHaveLength(1);
	});

	it('sends nothing at once for daily, weekly or off; a rolled-back write queues nothing', async () => {
		const c = await community('public');
		const daily = await member(c);
		const off = await member(c);
		await setPref(off.id, c.id, 'off');
		const imm = await member(c);
		await setPref(imm.id, c.id, 'immediate');
		await thread(c, 'Sans courriel immédiat');
		expect(await outboxOf(daily.id)).toHaveLength(0);
		expect(await outboxOf(off.id)).toHaveLength(0);
		const before = (await outboxOf(imm.id)).length;
		await t.ctx.db
			.transaction(async (tx) => {
				await notify(tx, [{ accountId: imm.id, kind: 'membership_approved', communityId: c.id }]);
				throw new Error('rollback');
			})
			.catch(() => undefined);
		expect(await outboxOf(imm.id)).toHaveLength(before);
	});
});

describe('digests', () => {
	it('groups the items of a daily digest by community and thread, skips read ones, and never sends an item twice', async () => {
		const a = await community('public');
		const b = await community('closed', a.host);
		const alex = await member(a, { locale: 'en' });
		await t.ctx.db.insert(schema.membership).values({ communityId: b.id, accountId: alex.id, role: 'member', status: 'active' });
		const t1 = await thread(a, 'Premier fil');
		await postMessage(t.ctx.db, await a.host.viewer(), t1.threadId, { body: `Suite @${alex.handle}`, parentId: null });
		await thread(b, 'Fil fermé');
		await thread(b, 'Déjà lu');
		const read = (await rowsOf(alex.id)).find((r) => (r.payload as { title: string }).title === 'Déjà lu')!;
		await markNotificationRead(t.ctx.db, account(await alex.viewer()), read.id);

		await makeDue('daily');
		// Two processes at once: exactly one claims the run.
		const runs = await Promise.all([runDigest(t.ctx, 'daily'), runDigest(t.ctx, 'daily')]);
		expect(runs.filter((r) => r === null)).toHaveLength(1);
		const mails = (await outboxOf(alex.id)).filter((m) => m.kind === 'digest:daily');
		expect(mails).toHaveLength(1);
		expect(mails[0].text).toContain('Premier fil');
		expect(mails[0].text).toContain('Fil fermé');
		expect(mails[0].text).not.toContain('Déjà lu');
		expect(mails[0].text.indexOf(a.name)).toBeGreaterThan(-1);
		expect(mails[0].html).toContain('<a href=');
		const left = await t.ctx.db
			.select()
			.from(schema.notification)
			.where(and(eq(schema.notification.accountId, alex.id), isNull(schema.notification.emailedAt), isNull(schema.notification.readAt)));
		expect(left).toHaveLength(0);

		// Not due again until tomorrow 07:00 Montréal; made due again, nothing is left to send.
		const [job] = await t.ctx.db
			.select()
			.from(schema.jobSchedule)
			.where(eq(schema.jobSchedule.name, jobName('daily')));
		expect(job.nextRunAt.getTime()).toBeGreaterThan(Date.now());
		expect(await runDigest(t.ctx, 'daily')).toBeNull();
		await makeDue('daily');
		await runDigest(t.ctx, 'daily');
		expect((await outboxOf(alex.id)).filter((m) => m.kind === 'digest:daily')).toHaveLength(1);

		await deliverOutbox(t.ctx, { exclusive: t.database.kind === 'pglite' });
		const sent = mailsTo(alex.email).find((m) => m.subject.includes('daily'))!;
		expect(sent.headers?.['List-Unsubscribe']).toMatch(new RegExp(`^<${t.ctx.config.publicUrl}/en/unsubscribe/`));
		expect(sent.html).toContain(`${t.ctx.config.publicUrl}/en/g/`);
	});

	it('makes up a run missed while the app was down, once', async () => {
		const c = await community('public');
		const alex = await member(c);
		await setPref(alex.id, c.id, 'weekly');
		await thread(c, 'Pendant la panne');
		// Down for two weeks: the weekly run is due, and runs once.
		await makeDue('weekly', 14 * 86_400_000);
		const first = await runDueJobs(t.ctx);
		expect(first.weekly).toBeGreaterThanOrEqual(1);
		expect(await runDueJobs(t.ctx)).toMatchObject({ weekly: null });
		const mails = (await outboxOf(alex.id)).filter((m) => m.kind === 'digest:weekly');
		expect(mails).toHaveLength(1);
		expect(mails[0].text).toContain('Pendant la panne');
	});
});

describe('preferences and unsubscribe', () => {
	it('lists the member’s communities with the daily default, saves choices, and unsubscribes by token', async () => {
		const c = await community('public');
		const d = await community('closed', c.host);
		const alex = await member(c);
		await t.ctx.db.insert(schema.membership).values({ communityId: d.id, accountId: alex.id, role: 'member', status: 'active' });
		const viewer = account(await alex.viewer());
		const settings = await getNotificationSettings(t.ctx.db, viewer);
		expect(settings.communities.map((x) => [x.id, x.email]).sort()).toEqual(
			[
				[c.id, 'daily'],
				[d.id, 'daily']
			].sort()
		);
		expect(settings.personal).toBe(true);
		const foreign = await community('public');
		await saveNotificationSettings(t.ctx.db, viewer, { communities: { [c.id]: 'weekly', [foreign.id]: 'immediate' }, personal: false });
		const saved = await getNotificationSettings(t.ctx.db, viewer);
		expect(saved.communities.find((x) => x.id === c.id)?.email).toBe('weekly');
		expect(saved.personal).toBe(false);
		expect(
			await t.ctx.db.select().from(schema.notificationPreference).where(eq(schema.notificationPreference.communityId, foreign.id))
		).toHaveLength(0);

		const one = signUnsubscribeToken(t.ctx.config.authSecret, { accountId: alex.id, communityId: d.id });
		expect((await describeUnsubscribe(t.ctx, one)).communityName).toBe(d.name);
		await unsubscribe(t.ctx, one);
		expect((await getNotificationSettings(t.ctx.db, viewer)).communities.find((x) => x.id === d.id)?.email).toBe('off');
		await saveNotificationSettings(t.ctx.db, viewer, { communities: { [c.id]: 'daily' }, personal: true });
		await unsubscribe(t.ctx, signUnsubscribeToken(t.ctx.config.authSecret, { accountId: alex.id, communityId: null }));
		const all = await getNotificationSettings(t.ctx.db, viewer);
		expect(all.communities.every((x) => x.email === 'off')).toBe(true);
		expect(all.personal).toBe(false);
		await expect(describeUnsubscribe(t.ctx, one.replace(/.$/, one.endsWith('A') ? 'B' : 'A'))).rejects.toThrow(NotFoundError);
		// Personal mail off: a co-author invitation rings the bell but sends no mail.
		const author = await makeAccount(t.ctx);
		const note = await createNote(t.ctx.db, await author.viewer(), CreateNoteInput.parse({ title: 'Sans courriel', body: 'x' }));
		await inviteCoAuthor(t.ctx.db, await author.viewer(), note.id, alex.handle);
		expect((await outboxOf(alex.id)).filter((m) => m.kind.startsWith('notification:'))).toHaveLength(0);
	});
});
