import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { canReadConversation } from '../../domain/conversations.ts';
import { NotFoundError, RateLimitedError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';
import { createNote, CreateNoteInput, setNoteStatus } from '../notes/index.ts';
import {
	countUnread,
	getConversation,
	listConversations,
	markConversationRead,
	participantFilter,
	sendMessage,
	startConversation,
	StartConversationInput
} from './index.ts';

const t = useTestContext();
const at = { lang: 'en' as const, publicUrl: 'http://localhost' };
const page = { limit: 50 };
const start = (viewer: Viewer, input: Record<string, unknown>) => startConversation(t.ctx, viewer, StartConversationInput.parse(input));

async function people(n: number) {
	const out = [];
	for (let i = 0; i < n; i++) {
		const a = await makeAccount(t.ctx);
		out.push({ ...a, v: await a.viewer() });
	}
	return out;
}

describe('starting a conversation', () => {
	it('writes to people by handle, notifies them, counts unread and marks read on opening', async () => {
		const [a, b, c] = await people(3);
		const { id, created } = await start(a.v, { handles: `@${b.handle}, ${c.handle.toUpperCase()}`, body: 'Hello **both**' });
		expect(created).toBe(true);
		expect(await countUnread(t.ctx.db, b.v)).toBe(1);
		expect(await countUnread(t.ctx.db, a.v)).toBe(0);
		const notes = await t.ctx.db.select().from(schema.notification).where(eq(schema.notification.conversationId, id));
		expect(notes.map((n) => n.accountId).sort()).toEqual([b.id, c.id].sort());
		expect(notes[0]).toMatchObject({ kind: 'direct_message', actorId: a.id });
		expect(notes[0].payload).toMatchObject({ excerpt: 'Hello both', path: `/messages/${id}` });
		const list = await listConversations(t.ctx.db, b.v, page);
		expect(list.unreadTotal).toBe(1);
		expect(list.items[0]).toMatchObject({ id, unread: 1, lastMessage: 'Hello both' });
		const view = await getConversation(t.ctx.db, b.v, id, page, at);
		expect(view.messages[0].html).toContain('<strong>both</strong>');
		expect(view.participants.map((p) => p.handle).sort()).toEqual([a.handle, b.handle, c.handle].sort());
		await markConversationRead(t.ctx.db, b.v, id);
		expect(await countUnread(t.ctx.db, b.v)).toBe(0);
		expect(await countUnread(t.ctx.db, c.v)).toBe(1);
	});

	it('reopens the two-person conversation without a note instead of making another', async () => {
		const [a, b] = await people(2);
		const first = await start(a.v, { handles: b.handle, body: 'One' });
		const again = await start(b.v, { handles: a.handle, body: 'Two' });
		expect(again).toEqual({ id: first.id, created: false });
		const view = await getConversation(t.ctx.db, a.v, first.id, page, at);
		expect(view.messages.map((m) => m.body)).toEqual(['One', 'Two']);
		// About a note, it is another conversation.
		const { id: noteId } = await createNote(t.ctx.db, b.v, CreateNoteInput.parse({ title: 'Sujet', visibility: 'public' }));
		await setNoteStatus(t.ctx.db, b.v, noteId, 'published');
		const aboutNote = await start(a.v, { noteId, body: 'About your note' });
		expect(aboutNote.created).toBe(true);
		expect((await getConversation(t.ctx.db, a.v, aboutNote.id, page, at)).note).toMatchObject({ id: noteId, title: 'Sujet' });
	});

	it('contacts the authors of a note the viewer may see, and only then', async () => {
		const [author, reader] = await people(2);
		const { id: privateNote } = await createNote(t.ctx.db, author.v, CreateNoteInput.parse({ title: 'Secret', visibility: 'private' }));
		await expect(start(reader.v, { noteId: privateNote, body: 'Hi' })).rejects.toThrow(NotFoundError);
		await expect(start(author.v, { noteId: privateNote, body: 'Me' })).rejects.toThrow(ValidationError);
		await expect(start(anonymous, { handles: author.handle, body: 'Hi' })).rejects.toThrow(UnauthorizedError);
		await expect(start(reader.v, { handles: 'nobody-at-all-here', body: 'Hi' })).rejects.toThrow(ValidationError);
		expect(() => StartConversationInput.parse({ body: 'Hi' })).toThrow();
		expect(() => StartConversationInput.parse({ handles: author.handle, body: '  ' })).toThrow();
	});

	it('renders messages sanitised, with wiki links left as text', async () => {
		const [a, b] = await people(2);
		const { id } = await start(a.v, { handles: b.handle, body: '<script>alert(1)</script> [x](javascript:alert(1)) [[Some note]]' });
		const html = (await getConversation(t.ctx.db, b.v, id, page, at)).messages[0].html;
		expect(html).not.toContain('<script');
		expect(html).not.toContain('href="javascript');
		expect(html).not.toContain('href="/en/n/');
	});

	it('pages messages from the newest, older ones through the cursor', async () => {
		const [a, b] = await people(2);
		const { id } = await start(a.v, { handles: b.handle, body: 'm0' });
		for (let i = 1; i < 5; i++) await sendMessage(t.ctx, i % 2 ? b.v : a.v, id, { body: `m${i}` });
		const first = await getConversation(t.ctx.db, a.v, id, { limit: 2 }, at);
		expect(first.messages.map((m) => m.body)).toEqual(['m3', 'm4']);
		const second = await getConversation(t.ctx.db, a.v, id, { limit: 2, cursor: first.next! }, at);
		expect(second.messages.map((m) => m.body)).toEqual(['m1', 'm2']);
	});
});

describe('privacy', () => {
	it('hides a conversation from everyone but its participants, admins included, and the SQL filter agrees', async () => {
		const [a, b, outsider] = await people(3);
		const admin = await makeAccount(t.ctx, { admin: true });
		const adminV = await admin.viewer();
		const { id } = await start(a.v, { handles: b.handle, body: 'Private' });
		for (const v of [anonymous, outsider.v, adminV]) {
			await expect(getConversation(t.ctx.db, v, id, page, at)).rejects.toThrow(NotFoundError);
			await expect(sendMessage(t.ctx, v, id, { body: 'x' })).rejects.toThrow(NotFoundError);
			expect((await listConversations(t.ctx.db, v, page)).items.map((c) => c.id)).not.toContain(id);
			expect(await countUnread(t.ctx.db, v)).toBe(0);
		}
		await expect(markConversationRead(t.ctx.db, outsider.v, id)).rejects.toThrow(NotFoundError);
		// Agreement of the rule and its SQL twin, for every kind of viewer.
		const ids = (
			await t.ctx.db.select().from(schema.conversationParticipant).where(eq(schema.conversationParticipant.conversationId, id))
		).map((p) => p.accountId);
		for (const v of [anonymous, a.v, b.v, outsider.v, adminV]) {
			const rows = await t.ctx.db
				.select({ id: schema.conversation.id })
				.from(schema.conversation)
				.where(eq(schema.conversation.id, id))
				.then(async () => t.ctx.db.select({ id: schema.conversation.id }).from(schema.conversation).where(participantFilter(v)));
			expect(rows.some((r) => r.id === id)).toBe(canReadConversation(v, ids));
		}
	});
});

describe('spam protection', () => {
	it('refuses a sender’s messages past the hourly limit, new conversations included, and counts only what was sent', async () => {
		const [a, b, c] = await people(3);
		const limited = { ...t.ctx, config: { ...t.ctx.config, messagingLimits: { directMessagesPerHour: 3, sharesPerHour: 30 } } };
		const { id } = await startConversation(limited, a.v, StartConversationInput.parse({ handles: b.handle, body: 'Un' }));
		// Refused for another reason: nothing sent, nothing counted.
		await expect(sendMessage(limited, a.v, 'nope', { body: 'Perdu' })).rejects.toThrow(NotFoundError);
		await expect(start(a.v, { handles: 'personne-inconnue', body: 'Perdu' })).rejects.toThrow(ValidationError);
		await sendMessage(limited, a.v, id, { body: 'Deux' });
		await startConversation(limited, a.v, StartConversationInput.parse({ handles: c.handle, body: 'Trois' }));
		const refused = await sendMessage(limited, a.v, id, { body: 'Quatre' }).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect((refused as RateLimitedError).fields).toEqual({ _: ['dm_rate_limited'] });
		expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(3500);
		expect((refused as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(3600);
		await expect(startConversation(limited, a.v, StartConversationInput.parse({ handles: c.handle, body: 'Cinq' }))).rejects.toBeInstanceOf(
			RateLimitedError
		);
		const sent = await t.ctx.db.select().from(schema.directMessage).where(eq(schema.directMessage.authorId, a.id));
		expect(sent.map((m) => m.body).sort()).toEqual(['Deux', 'Trois', 'Un']);
		// The limit is the sender's: the others still answer.
		await sendMessage(limited, b.v, id, { body: 'Réponse' });
	});
});
