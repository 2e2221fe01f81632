// GET /api/v1/events on the built app (server.ts, its page cache front, adapter-node): a real text/event-stream that
// carries, to each viewer, only what they may see, answers 404 like the pages, and leaves nothing open behind.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/server.ts';
import { tag, useApp } from './client.ts';
import { openSse, type SseStream } from './sse.ts';

const t = useApp();
const PUBLIC = 'en-commun-soutien-et-developpement';
const CLOSED = 'bibliotheques-tiers-lieux';
const DISCUSSIONS_API = existsSync(join(ROOT, 'src/routes/api/v1/communities/[slug]/threads/+server.ts'));

const cookieOf = (c: { cookies: Map<string, string> }) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
const events = (query = '', headers: Record<string, string> = {}) => openSse(`${t.app.url}/api/v1/events${query}`, headers);
/** Nothing more than what came so far arrives within `ms`. */
const quiet = (s: SseStream, ms = 500) => new Promise((r) => setTimeout(r, ms)).then(() => s.events.map((e) => e.data));

describe('the event stream', () => {
	it('streams to an anonymous reader of a public community, unbuffered and uncompressed', async () => {
		const s = await events(`?community=${PUBLIC}`, { 'accept-encoding': 'gzip, br' });
		try {
			expect(s.status).toBe(200);
			expect(s.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
			expect(s.headers.get('cache-control')).toBe('no-cache, no-transform');
			expect(s.headers.get('content-encoding')).toBeNull();
			expect(s.headers.get('x-commonplace-cache')).toBeNull();
			// The first bytes come at once, before any event.
			await s.waitFor(/^retry: \d+\n: connected\n\n/, 2_000);
		} finally {
			s.close();
		}
	});

	it('answers 404 for what the caller may not read, 401 for a bad token, 422 for a bad query', async () => {
		const thread = tag();
		expect((await t.call(`/api/v1/events?community=${CLOSED}`)).status).toBe(404);
		expect((await t.call(`/api/v1/events?community=${CLOSED}`, { token: t.alexToken })).status).toBe(404);
		expect((await t.call(`/api/v1/events?community=no-such-${thread}`)).status).toBe(404);
		expect((await t.call(`/api/v1/events?thread=no-such-${thread}`, { token: t.hostToken })).status).toBe(404);
		const answer = await t.call(`/api/v1/events?community=${CLOSED}`);
		expect(answer.headers.get('content-type')).toContain('application/problem+json');
		expect((await t.call('/api/v1/events', { token: 'cp_not_a_real_token_at_all_000000' })).status).toBe(401);
		expect((await t.call(`/api/v1/events?community=${'x'.repeat(200)}`)).status).toBe(422);
		// The host of the closed community may follow it, with a token or the session cookie.
		const byToken = await events(`?community=${CLOSED}`, { authorization: `Bearer ${t.hostToken}` });
		const bySession = await events(`?community=${CLOSED}`, { cookie: cookieOf(t.host) });
		byToken.close();
		bySession.close();
		expect([byToken.status, bySession.status]).toEqual([200, 200]);
	});

	it('says resync to a browser that reconnects with Last-Event-ID', async () => {
		const s = await events('', { 'last-event-id': '42' });
		try {
			expect((await s.next((d) => d.type === 'resync')).data).toEqual({ type: 'resync' });
		} finally {
			s.close();
		}
	});

	it('hands a direct message and its notification to the recipient only, by token and by session', async () => {
		const alexByToken = await events('', { authorization: `Bearer ${t.alexToken}` });
		const alexBySession = await events(`?community=${PUBLIC}`, { cookie: cookieOf(t.alex) });
		const anonymous = await events(`?community=${PUBLIC}`);
		try {
			await Promise.all([alexByToken, alexBySession, anonymous].map((s) => s.waitFor(/connected/)));
			const sent = await t.call('/api/v1/conversations', {
				token: t.hostToken,
				method: 'POST',
				body: { handles: ['alex'], body: `Bonjour ${tag()}` }
			});
			expect([200, 201]).toContain(sent.status);
			for (const s of [alexByToken, alexBySession]) {
				const dm = await s.next((d) => d.type === 'direct_message' && d.conversationId === sent.body.id);
				expect(Object.keys(dm.data as object).sort()).toEqual(['conversationId', 'messageId', 'type']);
				const bell = await s.next((d) => d.type === 'notification');
				expect((bell.data as { unread: number }).unread).toBeGreaterThan(0);
			}
			expect(await quiet(anonymous)).toEqual([]);
		} finally {
			[alexByToken, alexBySession, anonymous].forEach((s) => s.close());
		}
	});

	it.runIf(DISCUSSIONS_API)('hands a new thread and its replies to readers of the community, not of others', async () => {
		const reader = await events(`?community=${PUBLIC}`);
		const closedOnly = await events(`?community=${CLOSED}`, { authorization: `Bearer ${t.hostToken}` });
		try {
			await Promise.all([reader, closedOnly].map((s) => s.waitFor(/connected/)));
			const thread = await t.call(`/api/v1/communities/${PUBLIC}/threads`, {
				token: t.alexToken,
				method: 'POST',
				body: { title: `En direct ${tag()}`, body: 'Un premier message, en direct.' }
			});
			expect(thread.status).toBe(201);
			const threadId: string = thread.body.id;
			await reader.next((d) => d.type === 'thread' && d.threadId === threadId && d.change === 'created');
			const byThread = await events(`?thread=${threadId}`);
			await byThread.waitFor(/connected/);
			const reply = await t.call(`/api/v1/threads/${threadId}/messages`, {
				token: t.hostToken,
				method: 'POST',
				body: { body: 'Une réponse, qui apparaît sans recharger.' }
			});
			expect(reply.status).toBe(201);
			for (const s of [reader, byThread]) await s.next((d) => d.type === 'message' && d.threadId === threadId && d.change === 'created');
			byThread.close();
			expect((await quiet(closedOnly)).filter((d) => (d as { type: string }).type !== 'notification')).toEqual([]);
		} finally {
			[reader, closedOnly].forEach((s) => s.close());
		}
	});

	it.runIf(DISCUSSIONS_API)('never tells a non-member of a closed community about its threads', async () => {
		const alexEverywhere = await events(`?community=${PUBLIC}`, { authorization: `Bearer ${t.alexToken}` });
		const anonymous = await events(`?community=${PUBLIC}`);
		const hostInClosed = await events(`?community=${CLOSED}`, { authorization: `Bearer ${t.hostToken}` });
		try {
			await Promise.all([alexEverywhere, anonymous, hostInClosed].map((s) => s.waitFor(/connected/)));
			const thread = await t.call(`/api/v1/communities/${CLOSED}/threads`, {
				token: t.hostToken,
				method: 'POST',
				body: { title: `Entre nous ${tag()}`, body: 'Réservé aux membres.' }
			});
			expect(thread.status).toBe(201);
			const threadId: string = thread.body.id;
			await hostInClosed.next((d) => d.type === 'thread' && d.threadId === threadId);
			// Its stream is 404 to them, as its page is; and nothing of it comes on the streams they hold.
			expect((await t.call(`/api/v1/events?thread=${threadId}`, { token: t.alexToken })).status).toBe(404);
			expect((await t.call(`/api/v1/events?thread=${threadId}`)).status).toBe(404);
			const reply = await t.call(`/api/v1/threads/${threadId}/messages`, {
				token: t.hostToken,
				method: 'POST',
				body: { body: 'Toujours entre nous.' }
			});
			expect(reply.status).toBe(201);
			await hostInClosed.next((d) => d.type === 'message' && d.threadId === threadId);
			for (const s of [alexEverywhere, anonymous]) expect(s.raw()).not.toContain(threadId);
		} finally {
			[alexEverywhere, anonymous, hostInClosed].forEach((s) => s.close());
		}
	});

	it('leaves no stream open in the hub once its readers are gone', async () => {
		const streams = await Promise.all([events(`?community=${PUBLIC}`), events('', { authorization: `Bearer ${t.alexToken}` }), events()]);
		await Promise.all(streams.map((s) => s.waitFor(/connected/)));
		streams.forEach((s) => s.close());
		await new Promise((r) => setTimeout(r, 300));
		const from = t.app.logs.length;
		await t.app.stop();
		expect(t.app.logs.slice(from).join('\n')).toContain('Stopping… (0 live event streams open)');
	});
});
