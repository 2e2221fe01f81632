// The event stream itself: what it may follow (404 as the pages), its SSE framing, and that a closed stream leaves
// no subscriber behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { anonymous } from '../../domain/viewer.ts';
import { createCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { LiveHub } from './hub.ts';
import { publish } from './publish.ts';
import { eventStream, resolveFollow } from './stream.ts';

const t = useTestContext();
let hub: LiveHub;
const ids = {} as Record<'pub' | 'closed' | 'secret' | 'tPub' | 'tClosed', string>;
let slugs: { pub: string; closed: string; secret: string };
let member: Awaited<ReturnType<typeof makeAccount>>;

async function makeThread(communityId: string, authorId: string): Promise<string> {
	const id = newId();
	await t.ctx.db.insert(schema.thread).values({ id, communityId, title: 'Fil', authorId });
	await t.ctx.db.insert(schema.threadCommunity).values({ threadId: id, communityId });
	return id;
}

beforeAll(async () => {
	member = await makeAccount(t.ctx);
	const viewer = await member.viewer();
	const tag = Math.random().toString(36).slice(2, 8);
	const pub = await createCommunity(t.ctx.db, viewer, { name: `Public ${tag}`, description: '', visibility: 'public' });
	const closed = await createCommunity(t.ctx.db, viewer, { name: `Closed ${tag}`, description: '', visibility: 'closed' });
	const secret = await createCommunity(t.ctx.db, viewer, { name: `Secret ${tag}`, description: '', visibility: 'secret' });
	Object.assign(ids, { pub: pub.id, closed: closed.id, secret: secret.id });
	slugs = { pub: pub.slug, closed: closed.slug, secret: secret.slug };
	ids.tPub = await makeThread(ids.pub, member.id);
	ids.tClosed = await makeThread(ids.closed, member.id);
	hub = new LiveHub(t.ctx.db);
	await hub.start(t.database);
});
afterAll(() => hub?.stop());

/** Reads the stream until `until` matches what came, or times out. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: RegExp, ms = 2_000): Promise<string> {
	const decoder = new TextDecoder();
	let text = '';
	const deadline = Date.now() + ms;
	while (!until.test(text)) {
		const left = deadline - Date.now();
		if (left <= 0) throw new Error(`Timed out; the stream said: ${JSON.stringify(text)}`);
		const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
		if (!chunk) continue;
		if (chunk.done) break;
		text += decoder.decode(chunk.value, { stream: true });
	}
	return text;
}

describe('what a stream may follow', () => {
	it('is a community by id or slug, or a thread, that the viewer may read', async () => {
		const viewer = await member.viewer();
		expect(await resolveFollow(t.ctx.db, anonymous, { community: slugs.pub.toUpperCase() })).toEqual({ communityId: ids.pub });
		expect(await resolveFollow(t.ctx.db, anonymous, { community: ids.pub, thread: ids.tPub })).toEqual({
			communityId: ids.pub,
			threadId: ids.tPub
		});
		expect(await resolveFollow(t.ctx.db, viewer, { community: slugs.secret })).toEqual({ communityId: ids.secret });
		expect(await resolveFollow(t.ctx.db, viewer, { thread: ids.tClosed })).toEqual({ threadId: ids.tClosed });
		expect(await resolveFollow(t.ctx.db, anonymous, {})).toEqual({});
	});

	it('is not found when the viewer may not read it, as the pages answer', async () => {
		const outsider = await (await makeAccount(t.ctx)).viewer();
		for (const [viewer, query] of [
			[anonymous, { community: slugs.closed }],
			[outsider, { community: slugs.closed }],
			[outsider, { community: ids.secret }],
			[anonymous, { thread: ids.tClosed }],
			[outsider, { thread: ids.tClosed }],
			[anonymous, { community: 'no-such-community' }],
			[anonymous, { thread: 'no-such-thread' }],
			[anonymous, { community: slugs.pub, thread: ids.tClosed }]
		] as const)
			await expect(resolveFollow(t.ctx.db, viewer, query), JSON.stringify(query)).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('the event stream', () => {
	it('sends retry, then events as SSE frames, heartbeats between them, and unsubscribes when the reader leaves', async () => {
		const response = eventStream({ hub, viewer: anonymous, follow: { communityId: ids.pub }, heartbeatMs: 100 });
		expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
		const reader = response.body!.getReader();
		expect(await readUntil(reader, /connected/)).toMatch(/^retry: \d+\n/);
		expect(hub.subscriberCount).toBe(1);
		await t.ctx.db.transaction((tx) =>
			publish(tx, { type: 'message', change: 'created', threadId: ids.tPub, messageId: 'm1', communityIds: [ids.pub] })
		);
		const frame = await readUntil(reader, /\n\n$/);
		const data = JSON.stringify({ type: 'message', change: 'created', threadId: ids.tPub, messageId: 'm1' });
		expect(frame).toMatch(/^id: \d+\ndata: (.*)\n\n$/);
		expect(frame.split('\n')[1]).toBe(`data: ${data}`);
		expect(await readUntil(reader, /: keep-alive\n\n/)).toContain(': keep-alive');
		await reader.cancel();
		expect(hub.subscriberCount).toBe(0);
	});

	it('says resync to a reconnecting browser, and closes when its request is aborted', async () => {
		const abort = new AbortController();
		const response = eventStream({ hub, viewer: anonymous, follow: {}, lastEventId: '12', signal: abort.signal });
		const reader = response.body!.getReader();
		expect(await readUntil(reader, /resync/)).toContain(`data: {"type":"resync"}`);
		expect(hub.subscriberCount).toBe(1);
		abort.abort();
		expect(hub.subscriberCount).toBe(0);
		expect((await reader.read()).done).toBe(true);
	});

	it('gives one event the same id on every stream, and the next event a greater one', async () => {
		const streams = [0, 1].map(() => eventStream({ hub, viewer: anonymous, follow: { communityId: ids.pub } }).body!.getReader());
		for (const r of streams) await readUntil(r, /connected/);
		const ids_ = async (messageId: string) => {
			await t.ctx.db.transaction((tx) =>
				publish(tx, { type: 'message', change: 'created', threadId: ids.tPub, messageId, communityIds: [ids.pub] })
			);
			return Promise.all(streams.map(async (r) => Number((await readUntil(r, new RegExp(messageId))).match(/id: (\d+)/)![1])));
		};
		const [a1, a2] = await ids_('m-a');
		const [b1, b2] = await ids_('m-b');
		expect(a1).toBe(a2);
		expect(b1).toBe(b2);
		expect(b1).toBeGreaterThan(a1);
		for (const r of streams) await r.cancel();
		expect(hub.subscriberCount).toBe(0);
	});

	it('reads the viewer again with each heartbeat', async () => {
		const outsider = await makeAccount(t.ctx);
		let reads = 0;
		const response = eventStream({
			hub,
			viewer: await outsider.viewer(),
			follow: { communityId: ids.closed },
			heartbeatMs: 50,
			refreshViewer: async () => {
				reads++;
				return outsider.viewer();
			}
		});
		const reader = response.body!.getReader();
		await readUntil(reader, /connected/);
		await t.ctx.db.insert(schema.membership).values({ communityId: ids.closed, accountId: outsider.id, role: 'member', status: 'active' });
		await readUntil(reader, /keep-alive[\s\S]*keep-alive/);
		await new Promise((r) => setTimeout(r, 50));
		await t.ctx.db.transaction((tx) =>
			publish(tx, { type: 'message', change: 'created', threadId: ids.tClosed, messageId: 'm2', communityIds: [ids.closed] })
		);
		expect(await readUntil(reader, /"m2"/)).toContain('"messageId":"m2"');
		expect(reads).toBeGreaterThan(0);
		await reader.cancel();
		expect(hub.subscriberCount).toBe(0);
	});
});
