// The hub on a real database: events published inside transactions reach, after the commit, only the subscribers
// who may see them (leak tests for closed and secret communities, notifications and direct messages).
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { newId } from '../../domain/ids.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity } from '../communities/index.ts';
import { queryRows, schema } from '../db/index.ts';
import { withDatabase } from '../../../../tests/support/pg-url.ts';
import { notify } from '../notifications/notify.ts';
import { LiveHub, parseLiveEvent, type ClientEvent, type LiveSubscriber } from './hub.ts';
import { publish, type LiveEvent } from './publish.ts';

const t = useTestContext();

type Recorder = LiveSubscriber & { got: ClientEvent[] };
const recorder = (viewer: Viewer, follow: { communityId?: string; threadId?: string } = {}): Recorder => {
	const got: ClientEvent[] = [];
	return { viewer, ...follow, got, send: (e) => void got.push(e) };
};

let hub: LiveHub;
const ids = {} as Record<'pub' | 'closed' | 'secret' | 'tPub' | 'tClosed' | 'tCross' | 'tSecret', string>;
let host: Awaited<ReturnType<typeof makeAccount>>;
let member: Awaited<ReturnType<typeof makeAccount>>;
let outsider: Awaited<ReturnType<typeof makeAccount>>;

async function makeThread(communityIds: string[]): Promise<string> {
	const id = newId();
	await t.ctx.db.insert(schema.thread).values({ id, communityId: communityIds[0], title: 'Fil', authorId: host.id });
	await t.ctx.db.insert(schema.threadCommunity).values(communityIds.map((communityId) => ({ threadId: id, communityId })));
	return id;
}

/** Publishes in a transaction of its own, as a writer does, and waits until the hub has handed it out. */
async function send(event: LiveEvent): Promise<void> {
	await t.ctx.db.transaction((tx) => publish(tx, event));
	await delivered();
}
const delivered = async () => {
	// PGlite and PostgreSQL (own session) hand the notification over before the commit returns; other paths a little later.
	await new Promise((r) => setTimeout(r, 50));
	await hub.settled();
};

const message = (threadId: string, communityIds: string[]): LiveEvent => ({
	type: 'message',
	change: 'created',
	threadId,
	messageId: newId(),
	communityIds
});

beforeAll(async () => {
	host = await makeAccount(t.ctx);
	member = await makeAccount(t.ctx);
	outsider = await makeAccount(t.ctx);
	const hostViewer = await host.viewer();
	const tag = Math.random().toString(36).slice(2, 8);
	ids.pub = (await createCommunity(t.ctx.db, hostViewer, { name: `Public ${tag}`, description: '', visibility: 'public' })).id;
	ids.closed = (await createCommunity(t.ctx.db, hostViewer, { name: `Closed ${tag}`, description: '', visibility: 'closed' })).id;
	ids.secret = (await createCommunity(t.ctx.db, hostViewer, { name: `Secret ${tag}`, description: '', visibility: 'secret' })).id;
	await t.ctx.db.insert(schema.membership).values({ communityId: ids.closed, accountId: member.id, role: 'member', status: 'active' });
	ids.tPub = await makeThread([ids.pub]);
	ids.tClosed = await makeThread([ids.closed]);
	ids.tCross = await makeThread([ids.pub, ids.secret]);
	ids.tSecret = await makeThread([ids.secret]);
	hub = new LiveHub(t.ctx.db);
	await hub.start(t.database);
});
afterAll(() => hub?.stop());

describe('the live hub', () => {
	it('hands a closed community’s events to its members only', async () => {
		const m = recorder(await member.viewer(), { communityId: ids.closed });
		const o = recorder(await outsider.viewer(), { communityId: ids.closed });
		const a = recorder(anonymous, { communityId: ids.closed });
		const byThread = recorder(await outsider.viewer(), { threadId: ids.tClosed });
		const stops = [m, o, a, byThread].map((s) => hub.subscribe(s));
		const event = message(ids.tClosed, [ids.closed]);
		await send(event);
		stops.forEach((stop) => stop());
		expect(m.got).toEqual([
			{ type: 'message', change: 'created', threadId: ids.tClosed, messageId: (event as { messageId: string }).messageId }
		]);
		expect(o.got).toEqual([]);
		expect(a.got).toEqual([]);
		expect(byThread.got).toEqual([]);
		expect(hub.subscriberCount).toBe(0);
	});

	it('hands a public community’s events to everyone following it, and to nobody else', async () => {
		const a = recorder(anonymous, { communityId: ids.pub });
		const thread = recorder(anonymous, { threadId: ids.tPub });
		const elsewhere = recorder(await member.viewer(), { communityId: ids.closed });
		const stops = [a, thread, elsewhere].map((s) => hub.subscribe(s));
		await send({ type: 'thread', change: 'created', threadId: ids.tPub, communityIds: [ids.pub] });
		await send(message(ids.tPub, [ids.pub]));
		stops.forEach((stop) => stop());
		expect(a.got.map((e) => e.type)).toEqual(['thread', 'message']);
		expect(thread.got.map((e) => e.type)).toEqual(['thread', 'message']);
		expect(elsewhere.got).toEqual([]);
	});

	it('never names the other communities a thread is shown in', async () => {
		const a = recorder(anonymous, { communityId: ids.pub });
		const s = recorder(anonymous, { communityId: ids.secret });
		const stops = [a, s].map((x) => hub.subscribe(x));
		await send(message(ids.tCross, [ids.pub, ids.secret]));
		await send(message(ids.tSecret, [ids.secret]));
		stops.forEach((stop) => stop());
		// Readable through the public community; the event carries ids of the thread and message only.
		expect(a.got).toHaveLength(1);
		expect(JSON.stringify(a.got)).not.toContain(ids.secret);
		// Following the secret community by id gets what is readable anyway, never the secret thread.
		expect(s.got.map((e) => (e as { threadId: string }).threadId)).toEqual([ids.tCross]);
	});

	it('reads where a thread is shown at delivery: a community closed a moment ago stops streaming to outsiders', async () => {
		const a = recorder(anonymous, { communityId: ids.pub });
		const stop = hub.subscribe(a);
		await t.ctx.db.update(schema.community).set({ visibility: 'closed' }).where(eq(schema.community.id, ids.pub));
		try {
			await send(message(ids.tPub, [ids.pub]));
		} finally {
			await t.ctx.db.update(schema.community).set({ visibility: 'public' }).where(eq(schema.community.id, ids.pub));
			stop();
		}
		expect(a.got).toEqual([]);
	});

	it('follows the viewer’s memberships once the viewer is read again', async () => {
		const o = recorder(await outsider.viewer(), { communityId: ids.closed });
		const stop = hub.subscribe(o);
		await send(message(ids.tClosed, [ids.closed]));
		await t.ctx.db.insert(schema.membership).values({ communityId: ids.closed, accountId: outsider.id, role: 'member', status: 'active' });
		o.viewer = await outsider.viewer();
		await send(message(ids.tClosed, [ids.closed]));
		stop();
		await t.ctx.db.delete(schema.membership).where(eq(schema.membership.accountId, outsider.id));
		expect(o.got).toHaveLength(1);
	});

	it('hands notifications to their account only, with its unread count', async () => {
		const m1 = recorder(await member.viewer());
		const m2 = recorder(await member.viewer(), { communityId: ids.pub });
		const o = recorder(await outsider.viewer(), { communityId: ids.closed });
		const a = recorder(anonymous, { communityId: ids.pub });
		const stops = [m1, m2, o, a].map((s) => hub.subscribe(s));
		for (const kind of ['thread', 'reply'] as const) {
			await t.ctx.db.transaction((tx) =>
				notify(tx, [
					{ accountId: member.id, kind, actorId: host.id, communityId: ids.closed, threadId: ids.tClosed },
					{ accountId: host.id, kind, actorId: host.id, communityId: ids.closed, threadId: ids.tClosed }
				])
			);
			await delivered();
		}
		stops.forEach((stop) => stop());
		const expected = [
			{ type: 'notification', unread: 1 },
			{ type: 'notification', unread: 2 }
		];
		expect(m1.got).toEqual(expected);
		expect(m2.got).toEqual(expected);
		expect(o.got).toEqual([]);
		expect(a.got).toEqual([]);
	});

	it('hands direct messages to their participants only', async () => {
		const m = recorder(await member.viewer());
		const h = recorder(await host.viewer(), { communityId: ids.pub });
		const o = recorder(await outsider.viewer());
		const a = recorder(anonymous, { communityId: ids.pub });
		const stops = [m, h, o, a].map((s) => hub.subscribe(s));
		await send({ type: 'direct_message', conversationId: 'c1', messageId: 'd1', accountIds: [member.id, host.id] });
		stops.forEach((stop) => stop());
		const expected = [{ type: 'direct_message', conversationId: 'c1', messageId: 'd1' }];
		expect(m.got).toEqual(expected);
		expect(h.got).toEqual(expected);
		expect(o.got).toEqual([]);
		expect(a.got).toEqual([]);
	});

	it('delivers after the commit only, nothing from a rolled-back write', async () => {
		const a = recorder(anonymous, { communityId: ids.pub });
		const stop = hub.subscribe(a);
		await t.ctx.db
			.transaction(async (tx) => {
				await publish(tx, message(ids.tPub, [ids.pub]));
				throw new Error('abandon');
			})
			.catch(() => undefined);
		let inside = -1;
		await t.ctx.db.transaction(async (tx) => {
			await publish(tx, message(ids.tPub, [ids.pub]));
			await new Promise((r) => setTimeout(r, 50));
			await hub.settled();
			inside = a.got.length;
		});
		await delivered();
		stop();
		expect(inside).toBe(0);
		expect(a.got).toHaveLength(1);
	});

	it('delivers each event once, and a resync when the connection was lost', async () => {
		const a = recorder(anonymous, { communityId: ids.pub });
		const stop = hub.subscribe(a);
		for (let i = 0; i < 5; i++) await t.ctx.db.transaction((tx) => publish(tx, message(ids.tPub, [ids.pub])));
		await delivered();
		await new Promise((r) => setTimeout(r, 200));
		await hub.settled();
		hub.receive(undefined);
		await hub.settled();
		stop();
		expect(a.got.map((e) => e.type)).toEqual(['message', 'message', 'message', 'message', 'message', 'resync']);
	});

	it.runIf(process.env.TEST_DB_KIND === 'postgres')(
		'delivers once what several connections of this process and another process publish',
		async () => {
			const a = recorder(anonymous, { communityId: ids.pub });
			const stop = hub.subscribe(a);
			// Four transactions at once take four pool connections, each listening; then another process's connection.
			await Promise.all(
				[0, 1, 2, 3].map(() =>
					t.ctx.db.transaction(async (tx) => {
						await tx.execute(sql`select pg_sleep(0.05)`);
						await publish(tx, message(ids.tPub, [ids.pub]));
					})
				)
			);
			const [{ name }] = await queryRows<{ name: string }>(t.ctx.db, sql`select current_database() as name`);
			const other = new pg.Client({ connectionString: withDatabase(process.env.TEST_DATABASE_URL!, name) });
			await other.connect();
			try {
				await other.query(`select pg_notify('commonplace_events', $1)`, [JSON.stringify(message(ids.tPub, [ids.pub]))]);
			} finally {
				await other.end();
			}
			await new Promise((r) => setTimeout(r, 300));
			await hub.settled();
			stop();
			expect(a.got).toHaveLength(5);
		}
	);

	it('ignores payloads that are not live events', () => {
		expect(parseLiveEvent('not json')).toBeNull();
		expect(parseLiveEvent('{"type":"message","threadId":"t"}')).toBeNull();
		expect(parseLiveEvent('{"type":"other"}')).toBeNull();
		expect(parseLiveEvent('{"type":"notification","accountId":"a"}')).toEqual({ type: 'notification', accountId: 'a' });
	});
});
