import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { canReadThread } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { listAdminViews } from '../admin/index.ts';
import { createCommunity, joinCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { EVENTS_CHANNEL, type LiveEvent } from '../realtime/publish.ts';
import {
	deleteMessage,
	editMessage,
	getMessage,
	getThread,
	listReports,
	listTaggedMessages,
	listThreads,
	postMessage,
	reportMessage,
	resolveReport,
	setMessageHidden,
	setThreadLocked,
	startThread,
	StartThreadInput,
	visibleThreadFilter
} from './index.ts';
import { placesOf } from './queries.ts';

const t = useTestContext();
let n = 0;
const at = { lang: 'fr' as const };

async function community(visibility: 'public' | 'closed' | 'secret', host?: Awaited<ReturnType<typeof makeAccount>>) {
	const h = host ?? (await makeAccount(t.ctx));
	const slug = `d-${visibility}-${++n}-${Math.random().toString(36).slice(2, 6)}`;
	const { id } = await createCommunity(t.ctx.db, await h.viewer(), { slug, name: `Communauté ${slug}`, description: '', visibility });
	return { id, slug, host: h };
}

async function memberOf(c: { slug: string; host: { viewer(): Promise<Viewer> } }, visibility: string) {
	const a = await makeAccount(t.ctx);
	if (visibility === 'public') await joinCommunity(t.ctx, await a.viewer(), c.slug);
	else {
		await t.ctx.db.insert(schema.membership).values({
			communityId: (await t.ctx.db.select().from(schema.community).where(eq(schema.community.slug, c.slug)))[0].id,
			accountId: a.id,
			role: 'member',
			status: 'active'
		});
	}
	return a;
}

const notificationsOf = (accountId: string) =>
	t.ctx.db.select().from(schema.notification).where(eq(schema.notification.accountId, accountId));

describe('threads and replies', () => {
	it('starts a light post, cross-posts it, replies under a top-level message, and notifies', async () => {
		const pub = await community('public');
		const closed = await community('closed', pub.host);
		const alex = await memberOf(pub, 'public');
		const other = await memberOf(closed, 'closed');
		const host = await pub.host.viewer();
		const started = await startThread(
			t.ctx.db,
			host,
			pub.slug,
			StartThreadInput.parse({ body: 'Qui vient à l’atelier #Soutenabilité jeudi? @' + alex.handle, alsoIn: [closed.slug] })
		);
		expect(started.slug).toBe(pub.slug);
		expect((await placesOf(t.ctx.db, started.threadId)).map((p) => p.slug)).toEqual([pub.slug, closed.slug]);

		const listedPub = await listThreads(t.ctx.db, anonymous, pub.slug, { limit: 20 });
		expect(listedPub.items.map((i) => [i.id, i.title, i.messageCount])).toEqual([
			[started.threadId, 'Qui vient à l’atelier #Soutenabilité jeudi? @' + alex.handle, 1]
		]);
		// Anonymous sees it through the public community, but not that it is also in the closed one.
		expect(listedPub.items[0].shownIn.map((p) => p.slug)).toEqual([pub.slug]);
		await expect(listThreads(t.ctx.db, anonymous, closed.slug, { limit: 20 })).rejects.toThrow(NotFoundError);
		expect((await listThreads(t.ctx.db, await other.viewer(), closed.slug, { limit: 20 })).items).toHaveLength(1);

		// Notices: a mention to Alex (first), a new thread to the other member, in the community they read it in.
		const alexNotes = await notificationsOf(alex.id);
		expect(alexNotes.map((x) => x.kind)).toEqual(['mention']);
		expect(alexNotes[0]).toMatchObject({ threadId: started.threadId, messageId: started.messageId, communityId: pub.id });
		expect(alexNotes[0].payload).toMatchObject({ path: `/g/${pub.slug}/t/${started.threadId}#m-${started.messageId}` });
		const otherNotes = await notificationsOf(other.id);
		expect(otherNotes.map((x) => [x.kind, x.communityId])).toEqual([['thread', closed.id]]);
		expect((await notificationsOf(pub.host.id)).length).toBe(0);

		// A reply, then a reply to the reply: shown under the top-level message, "replying to".
		const { messageId: r1 } = await postMessage(t.ctx.db, await alex.viewer(), started.threadId, {
			body: 'Moi!',
			parentId: started.messageId
		});
		const { messageId: r2 } = await postMessage(t.ctx.db, await other.viewer(), started.threadId, { body: 'Moi aussi', parentId: r1 });
		const view = await getThread(t.ctx.db, await alex.viewer(), started.threadId, { ...at, slug: pub.slug });
		expect(view.messages.map((m) => [m.id, m.parentId, m.replyTo?.id ?? null])).toEqual([
			[started.messageId, null, null],
			[r1, started.messageId, null],
			[r2, started.messageId, r1]
		]);
		expect(view.messages[0].html).toContain(`href="/fr/tags/soutenabilit%C3%A9"`);
		expect(view.messages[0].html).toContain(`href="/fr/u/${alex.handle}"`);
		expect(view.messages[0].tags).toEqual(['soutenabilité']);
		// One message alone (what a writer is answered with), placed as in the whole thread.
		const one = await getMessage(t.ctx.db, await alex.viewer(), started.threadId, r2, at);
		expect(one.message).toEqual(view.messages[2]);
		expect(one.place.slug).toBe(view.place.slug);
		const top = await getMessage(t.ctx.db, await alex.viewer(), started.threadId, started.messageId, at);
		expect(top.message).toEqual(view.messages[0]);
		await expect(getMessage(t.ctx.db, await alex.viewer(), started.threadId, 'nope', at)).rejects.toThrow(NotFoundError);
		const hostNotes = await notificationsOf(pub.host.id);
		expect(hostNotes.map((x) => x.kind).sort()).toEqual(['reply', 'reply']);
		expect((await notificationsOf(alex.id)).map((x) => x.kind)).toEqual(['mention', 'reply']);

		// The same thread in the closed community's address: readable by its member, missing for Alex.
		await getThread(t.ctx.db, await other.viewer(), started.threadId, { ...at, slug: closed.slug });
		await expect(getThread(t.ctx.db, await alex.viewer(), started.threadId, { ...at, slug: closed.slug })).rejects.toThrow(NotFoundError);
		const unrelated = await community('public');
		await expect(getThread(t.ctx.db, await alex.viewer(), started.threadId, { ...at, slug: unrelated.slug })).rejects.toThrow(
			NotFoundError
		);
	});

	it('posts only as an active member, refuses cross-posts elsewhere and bad parents', async () => {
		const pub = await community('public');
		const elsewhere = await community('public');
		const outsider = await makeAccount(t.ctx);
		await expect(startThread(t.ctx.db, await outsider.viewer(), pub.slug, StartThreadInput.parse({ body: 'Salut' }))).rejects.toThrow(
			ForbiddenError
		);
		await expect(startThread(t.ctx.db, anonymous, pub.slug, StartThreadInput.parse({ body: 'Salut' }))).rejects.toThrow();
		await expect(
			startThread(t.ctx.db, await pub.host.viewer(), pub.slug, StartThreadInput.parse({ body: 'Salut', alsoIn: [elsewhere.slug] }))
		).rejects.toThrow(ValidationError);
		const { threadId } = await startThread(
			t.ctx.db,
			await pub.host.viewer(),
			pub.slug,
			StartThreadInput.parse({ body: 'Salut', title: 'Bonjour' })
		);
		await expect(postMessage(t.ctx.db, await outsider.viewer(), threadId, { body: 'Intrus' })).rejects.toThrow(ForbiddenError);
		const other = await startThread(t.ctx.db, await pub.host.viewer(), pub.slug, StartThreadInput.parse({ body: 'Autre' }));
		await expect(postMessage(t.ctx.db, await pub.host.viewer(), threadId, { body: 'x', parentId: other.messageId })).rejects.toThrow(
			ValidationError
		);
		expect(StartThreadInput.safeParse({ body: '   ' }).success).toBe(false);
	});

	it('edits (notifying new mentions once), deletes softly, hides for hosts only, and locks', async () => {
		const pub = await community('public');
		const alex = await memberOf(pub, 'public');
		const sam = await memberOf(pub, 'public');
		const { threadId, messageId: first } = await startThread(
			t.ctx.db,
			await pub.host.viewer(),
			pub.slug,
			StartThreadInput.parse({ body: 'Ouverture' })
		);
		const { messageId } = await postMessage(t.ctx.db, await alex.viewer(), threadId, { body: 'Premier jet #brouillon' });
		await postMessage(t.ctx.db, await sam.viewer(), threadId, { body: 'Réponse', parentId: messageId });
		await expect(editMessage(t.ctx.db, await sam.viewer(), messageId, { body: 'Pirate' })).rejects.toThrow(ForbiddenError);
		await editMessage(t.ctx.db, await alex.viewer(), messageId, { body: `Version 2 avec @${sam.handle} #final` });
		await editMessage(t.ctx.db, await alex.viewer(), messageId, { body: `Version 3 avec @${sam.handle} #final` });
		expect((await notificationsOf(sam.id)).filter((x) => x.kind === 'mention')).toHaveLength(1);
		let view = await getThread(t.ctx.db, anonymous, threadId, at);
		const edited = view.messages.find((m) => m.id === messageId)!;
		expect([edited.body, edited.editedAt !== null, edited.tags]).toEqual([`Version 3 avec @${sam.handle} #final`, true, ['final']]);
		expect((await listTaggedMessages(t.ctx.db, anonymous, 'brouillon', { ...at, limit: 20 })).items).toHaveLength(0);
		expect((await listTaggedMessages(t.ctx.db, anonymous, '#FINAL', { ...at, limit: 20 })).items.map((i) => i.message.id)).toEqual([
			messageId
		]);

		// Hidden: hosts still read it, others see a placeholder; not counted, not tagged.
		await expect(setMessageHidden(t.ctx.db, await alex.viewer(), messageId, true)).rejects.toThrow(ForbiddenError);
		await setMessageHidden(t.ctx.db, await pub.host.viewer(), messageId, true);
		view = await getThread(t.ctx.db, await sam.viewer(), threadId, at);
		expect(view.messages.find((m) => m.id === messageId)).toMatchObject({ hidden: true, body: null, html: null, tags: [] });
		expect(view.messageCount).toBe(2);
		expect((await getThread(t.ctx.db, await pub.host.viewer(), threadId, at)).messages.find((m) => m.id === messageId)!.body).toContain(
			'Version 3'
		);
		expect((await listTaggedMessages(t.ctx.db, anonymous, 'final', { ...at, limit: 20 })).items).toHaveLength(0);
		await setMessageHidden(t.ctx.db, await pub.host.viewer(), messageId, false);

		// Deleted: the text goes, the place stays for its reply.
		await expect(deleteMessage(t.ctx.db, await sam.viewer(), messageId)).rejects.toThrow(ForbiddenError);
		await deleteMessage(t.ctx.db, await alex.viewer(), messageId);
		view = await getThread(t.ctx.db, anonymous, threadId, at);
		expect(view.messages.map((m) => [m.deleted, m.body === null])).toEqual([
			[false, false],
			[true, true],
			[false, false]
		]);
		expect(view.messageCount).toBe(2);
		const [row] = await t.ctx.db.select().from(schema.message).where(eq(schema.message.id, messageId));
		expect(row.body).toBe('');

		// Locked: nobody posts, hosts unlock.
		await expect(setThreadLocked(t.ctx.db, await alex.viewer(), threadId, true)).rejects.toThrow(ForbiddenError);
		await setThreadLocked(t.ctx.db, await pub.host.viewer(), threadId, true);
		await expect(postMessage(t.ctx.db, await alex.viewer(), threadId, { body: 'Encore', parentId: first })).rejects.toThrow(ForbiddenError);
		expect((await listThreads(t.ctx.db, anonymous, pub.slug, { limit: 5 })).items[0].locked).toBe(true);
		await setThreadLocked(t.ctx.db, await pub.host.viewer(), threadId, false);
		await postMessage(t.ctx.db, await alex.viewer(), threadId, { body: 'Encore' });
	});

	it('takes reports once, shows them to hosts and resolves them', async () => {
		const pub = await community('public');
		const alex = await memberOf(pub, 'public');
		const sam = await memberOf(pub, 'public');
		const { threadId } = await startThread(t.ctx.db, await alex.viewer(), pub.slug, StartThreadInput.parse({ body: 'Message douteux' }));
		const { messageId } = await postMessage(t.ctx.db, await alex.viewer(), threadId, { body: 'Encore plus douteux' });
		await reportMessage(t.ctx.db, await sam.viewer(), messageId, { reason: 'Hors sujet' });
		await expect(reportMessage(t.ctx.db, await sam.viewer(), messageId, { reason: 'Encore' })).rejects.toThrow(ConflictError);
		await expect(reportMessage(t.ctx.db, await alex.viewer(), messageId, { reason: 'Moi' })).rejects.toThrow(ForbiddenError);
		await expect(listReports(t.ctx.db, await sam.viewer(), pub.slug)).rejects.toThrow(ForbiddenError);
		const { reports } = await listReports(t.ctx.db, await pub.host.viewer(), pub.slug);
		expect(reports.map((r) => [r.messageId, r.reason, r.reporter?.handle])).toEqual([[messageId, 'Hors sujet', sam.handle]]);
		await resolveReport(t.ctx.db, await pub.host.viewer(), pub.slug, reports[0].id);
		expect((await listReports(t.ctx.db, await pub.host.viewer(), pub.slug)).reports).toHaveLength(0);
		await expect(resolveReport(t.ctx.db, await pub.host.viewer(), pub.slug, reports[0].id)).rejects.toThrow(NotFoundError);
	});

	it('renders Markdown sanitised, with mentions of unknown handles left as text', async () => {
		const pub = await community('public');
		const body = '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> @personne-inconnue #Été `#code`';
		const { threadId } = await startThread(t.ctx.db, await pub.host.viewer(), pub.slug, StartThreadInput.parse({ body }));
		const [message] = (await getThread(t.ctx.db, anonymous, threadId, at)).messages;
		expect(message.html).not.toMatch(/<script|<img|href="javascript/);
		expect(message.html).toContain('@personne-inconnue');
		expect(message.html).not.toContain('/u/personne-inconnue');
		expect(message.html).toContain('href="/fr/tags/%C3%A9t%C3%A9"');
		expect(message.html).toContain('<code>#code</code>');
		expect(message.tags).toEqual(['été']);
		expect((await listTaggedMessages(t.ctx.db, anonymous, 'ÉTÉ', { ...at, limit: 5 })).items.map((i) => i.thread.id)).toContain(threadId);
	});

	it('pages threads newest activity first', async () => {
		const pub = await community('public');
		const ids: string[] = [];
		for (let i = 0; i < 5; i++)
			ids.push((await startThread(t.ctx.db, await pub.host.viewer(), pub.slug, StartThreadInput.parse({ body: `Fil ${i}` }))).threadId);
		await postMessage(t.ctx.db, await pub.host.viewer(), ids[0], { body: 'Relance' });
		const seen: string[] = [];
		let cursor: string | undefined;
		do {
			const page = await listThreads(t.ctx.db, anonymous, pub.slug, { limit: 2, cursor });
			seen.push(...page.items.map((i) => i.id));
			cursor = page.next ?? undefined;
		} while (cursor);
		expect(seen).toEqual([ids[0], ids[4], ids[3], ids[2], ids[1]]);
	});
});

describe('visibility', () => {
	it('visibleThreadFilter agrees with canReadThread for every viewer and place', async () => {
		const host = await makeAccount(t.ctx);
		const places = await Promise.all((['public', 'closed', 'secret'] as const).map((v) => community(v, host)));
		const [pub, closed, secret] = places;
		const h = await host.viewer();
		const threads = [
			(await startThread(t.ctx.db, h, pub.slug, StartThreadInput.parse({ body: 'public' }))).threadId,
			(await startThread(t.ctx.db, h, closed.slug, StartThreadInput.parse({ body: 'closed' }))).threadId,
			(await startThread(t.ctx.db, h, secret.slug, StartThreadInput.parse({ body: 'secret' }))).threadId,
			(await startThread(t.ctx.db, h, secret.slug, StartThreadInput.parse({ body: 'both', alsoIn: [closed.slug] }))).threadId
		];
		const closedMember = await memberOf(closed, 'closed');
		const pending = await makeAccount(t.ctx);
		await joinCommunity(t.ctx, await pending.viewer(), closed.slug);
		const admin = await makeAccount(t.ctx, { admin: true });
		const viewers: Viewer[] = [
			anonymous,
			h,
			await closedMember.viewer(),
			await pending.viewer(),
			await admin.viewer(),
			await (await makeAccount(t.ctx)).viewer()
		];
		for (const viewer of viewers) {
			const rows = await t.ctx.db
				.select({ id: schema.thread.id })
				.from(schema.thread)
				.where(and(visibleThreadFilter(viewer)));
			const visible = new Set(rows.map((r) => r.id));
			for (const id of threads) {
				const expected = canReadThread(viewer, await placesOf(t.ctx.db, id));
				expect(visible.has(id), `${viewer.kind} ${id}`).toBe(expected);
			}
		}
		// An admin reading a secret thread only through the role is logged.
		const { threadId: watched } = await startThread(t.ctx.db, h, secret.slug, StartThreadInput.parse({ body: 'vu' }));
		await getThread(t.ctx.db, await admin.viewer(), watched, at);
		expect(await listAdminViews(t.ctx.db, 'thread', watched)).toHaveLength(1);
		await getThread(t.ctx.db, h, watched, at);
		expect(await listAdminViews(t.ctx.db, 'thread', watched)).toHaveLength(1);
		// The tag page and notifications follow the same rule.
		const tagged = await startThread(t.ctx.db, h, secret.slug, StartThreadInput.parse({ body: 'Un #secret bien gardé' }));
		expect((await listTaggedMessages(t.ctx.db, anonymous, 'secret', { ...at, limit: 10 })).items).toHaveLength(0);
		expect((await listTaggedMessages(t.ctx.db, await closedMember.viewer(), 'secret', { ...at, limit: 10 })).items).toHaveLength(0);
		expect((await listTaggedMessages(t.ctx.db, h, 'secret', { ...at, limit: 10 })).items.map((i) => i.message.id)).toEqual([
			tagged.messageId
		]);
		await expect(getThread(t.ctx.db, await closedMember.viewer(), tagged.threadId, at)).rejects.toThrow(NotFoundError);
		// A mention of someone who may not read the thread notifies nobody.
		const before = (await notificationsOf(closedMember.id)).length;
		await postMessage(t.ctx.db, h, tagged.threadId, { body: `Coucou @${closedMember.handle}` });
		expect((await notificationsOf(closedMember.id)).length).toBe(before);
	});
});

describe('live events', () => {
	it('publishes one event, ids only, on every create, edit, delete, hide and lock', async () => {
		const pub = await community('public');
		const closed = await community('closed', pub.host);
		const events: LiveEvent[] = [];
		const stop = await t.database.listen(EVENTS_CHANNEL, (payload) => payload && events.push(JSON.parse(payload)));
		try {
			const h = await pub.host.viewer();
			const { threadId, messageId } = await startThread(
				t.ctx.db,
				h,
				pub.slug,
				StartThreadInput.parse({ body: 'Live', alsoIn: [closed.slug] })
			);
			const { messageId: reply } = await postMessage(t.ctx.db, h, threadId, { body: 'Re' });
			await editMessage(t.ctx.db, h, reply, { body: 'Re!' });
			await setMessageHidden(t.ctx.db, h, reply, true);
			await setMessageHidden(t.ctx.db, h, reply, false);
			await deleteMessage(t.ctx.db, h, reply);
			await setThreadLocked(t.ctx.db, h, threadId, true);
			await setThreadLocked(t.ctx.db, h, threadId, false);
			await new Promise((r) => setTimeout(r, 200));
			const mine = events.filter((e) => 'threadId' in e && e.threadId === threadId);
			const communityIds = [pub.id, closed.id];
			expect(mine).toEqual([
				{ type: 'thread', change: 'created', threadId, communityIds },
				{ type: 'message', change: 'created', threadId, messageId, communityIds },
				...(['created', 'edited', 'hidden', 'shown', 'deleted'] as const).map((change) => ({
					type: 'message',
					change,
					threadId,
					messageId: reply,
					communityIds
				})),
				{ type: 'thread', change: 'locked', threadId, communityIds },
				{ type: 'thread', change: 'unlocked', threadId, communityIds }
			]);
		} finally {
			await stop();
		}
	});
});
