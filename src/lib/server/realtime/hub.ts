// One LISTEN per process on the live events channel, fanned out to the open event streams of this process, each
// event to the subscribers who may see it (docs/adr/0011-realtime.md).
import { canReadThread, type DiscussionPlace } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Database, Db } from '../db/index.ts';
import { EVENTS_CHANNEL, type LiveEvent } from './publish.ts';
import { countUnread } from '../notifications/index.ts';
import { placesOfThread } from './queries.ts';

/**
 * What a stream sends: ids and the kind of change only, never content nor the other people or communities involved
 * (a thread shown in a public and a secret community must not name the secret one). The page fetches what to show
 * through the routes that check visibility. `resync`: events may have been missed, fetch the current state again.
 */
export type ClientEvent =
	| { type: 'message'; change: Extract<LiveEvent, { type: 'message' }>['change']; threadId: string; messageId: string }
	| { type: 'thread'; change: Extract<LiveEvent, { type: 'thread' }>['change']; threadId: string }
	| { type: 'direct_message'; conversationId: string; messageId: string }
	| { type: 'notification'; unread: number }
	| { type: 'resync' };

/**
 * An open stream: a viewer and what they follow. Signed-in subscribers also get their own notifications and direct
 * messages, whatever they follow. `viewer` is replaced when their memberships are read again.
 */
export type LiveSubscriber = {
	viewer: Viewer;
	/** A community's discussion: its threads and messages (those the viewer may read). */
	communityId?: string;
	/** One thread's messages. */
	threadId?: string;
	send(event: ClientEvent): void;
};

const accountOf = (viewer: Viewer) => (viewer.kind === 'account' ? viewer.id : null);

/** Parses a payload of publish(); anything else (a hand-made NOTIFY) is ignored. */
export function parseLiveEvent(payload: string): LiveEvent | null {
	let value: unknown;
	try {
		value = JSON.parse(payload);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const e = value as Record<string, unknown>;
	const str = (v: unknown) => typeof v === 'string' && v.length > 0;
	const strs = (v: unknown) => Array.isArray(v) && v.every(str);
	switch (e.type) {
		case 'message':
			return str(e.change) && str(e.threadId) && str(e.messageId) && strs(e.communityIds) ? (e as LiveEvent) : null;
		case 'thread':
			return str(e.change) && str(e.threadId) && strs(e.communityIds) ? (e as LiveEvent) : null;
		case 'direct_message':
			return str(e.conversationId) && str(e.messageId) && strs(e.accountIds) ? (e as LiveEvent) : null;
		case 'notification':
			return str(e.accountId) ? (e as LiveEvent) : null;
		default:
			return null;
	}
}

export class LiveHub {
	readonly #db: Db;
	readonly #subscribers = new Set<LiveSubscriber>();
	#queue: Promise<void> = Promise.resolve();
	#unlisten: (() => Promise<void>) | undefined;

	constructor(db: Db) {
		this.#db = db;
	}

	/** Starts listening on the database; events published before this are not delivered. */
	async start(database: Pick<Database, 'listen'>): Promise<void> {
		if (this.#unlisten) return;
		this.#unlisten = await database.listen(EVENTS_CHANNEL, (payload) => this.receive(payload));
	}

	/** Stops listening and forgets every subscriber (their streams close on their own side). */
	async stop(): Promise<void> {
		const unlisten = this.#unlisten;
		this.#unlisten = undefined;
		this.#subscribers.clear();
		await unlisten?.();
		await this.#queue;
	}

	get listening(): boolean {
		return this.#unlisten !== undefined;
	}

	get subscriberCount(): number {
		return this.#subscribers.size;
	}

	/** Adds a subscriber; returns the function that removes it (call it when the stream closes). */
	subscribe(subscriber: LiveSubscriber): () => void {
		this.#subscribers.add(subscriber);
		return () => void this.#subscribers.delete(subscriber);
	}

	/**
	 * Takes one notification's payload (none: the listening connection was lost, events may have been missed).
	 * Events are delivered in the order they arrive, one after the other.
	 */
	receive(payload?: string): void {
		this.#queue = this.#queue
			// After what is already due: the write that sent the event answers its writer before the fan-out's reads
			// and writes take the process (on PGlite, the event arrives before the COMMIT's own promise resolves).
			.then(() => new Promise((resolve) => setImmediate(resolve)))
			.then(() => this.#deliver(payload))
			.catch((e: Error) => console.error(`[realtime] delivery failed: ${e.message}`));
	}

	/** Resolves once every event received so far has been delivered (tests, shutdown). */
	async settled(): Promise<void> {
		await this.#queue;
	}

	async #deliver(payload?: string): Promise<void> {
		if (payload === undefined) {
			const resync: ClientEvent = { type: 'resync' };
			return this.#fanOut(() => resync);
		}
		const event = parseLiveEvent(payload);
		if (!event) return;
		switch (event.type) {
			case 'message':
			case 'thread': {
				const follows = (s: LiveSubscriber) =>
					s.threadId === event.threadId || (s.communityId !== undefined && event.communityIds.includes(s.communityId));
				if (![...this.#subscribers].some(follows)) return;
				// Where the thread is shown now, read once for every subscriber: a community made closed a moment ago
				// already counts, and the event's own list serves only to match what subscribers follow.
				const places: DiscussionPlace[] = await placesOfThread(this.#db, event.threadId);
				const out: ClientEvent =
					event.type === 'message'
						? { type: 'message', change: event.change, threadId: event.threadId, messageId: event.messageId }
						: { type: 'thread', change: event.change, threadId: event.threadId };
				return this.#fanOut((s) => (follows(s) && places.length > 0 && canReadThread(s.viewer, places) ? out : null));
			}
			case 'direct_message': {
				const out: ClientEvent = { type: 'direct_message', conversationId: event.conversationId, messageId: event.messageId };
				return this.#fanOut((s) => {
					const id = accountOf(s.viewer);
					return id !== null && event.accountIds.includes(id) ? out : null;
				});
			}
			case 'notification': {
				const own = [...this.#subscribers].find((s) => accountOf(s.viewer) === event.accountId);
				if (!own) return;
				// The bell's own count: unread notifications the account may still see.
				const unread = await countUnread(this.#db, own.viewer);
				const out: ClientEvent = { type: 'notification', unread };
				return this.#fanOut((s) => (accountOf(s.viewer) === event.accountId ? out : null));
			}
		}
	}

	/**
	 * Hands each subscriber its event; one event is one object, which streams encode once for all (stream.ts). A few
	 * streams at a time: between two batches the process answers its requests, so a large audience never holds up
	 * the writer whose message it is being told of.
	 */
	async #fanOut(eventFor: (s: LiveSubscriber) => ClientEvent | null): Promise<void> {
		let sent = 0;
		for (const s of [...this.#subscribers]) {
			if (++sent % FAN_OUT_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
			const out = eventFor(s);
			if (!out) continue;
			try {
				s.send(out);
			} catch (e) {
				// One broken stream must not keep the others from their events.
				console.error(`[realtime] a subscriber failed: ${(e as Error).message}`);
			}
		}
	}
}

const FAN_OUT_BATCH = 25;

// One hub per process, shared by server.ts (boot) and the bundled app through globalThis, started on first use.
const KEY = Symbol.for('commonplace.live-hub');
const STARTED = Symbol.for('commonplace.live-hub.started');
type Holder = { [KEY]?: Promise<LiveHub>; [STARTED]?: LiveHub };

/** This process's hub, listening on `database` from the first call. */
export function liveHub(database: Pick<Database, 'db' | 'listen'>): Promise<LiveHub> {
	const holder = globalThis as Holder;
	holder[KEY] ??= (async () => {
		const hub = new LiveHub(database.db);
		await hub.start(database);
		holder[STARTED] = hub;
		return hub;
	})().catch((e) => {
		holder[KEY] = undefined;
		throw e;
	});
	return holder[KEY];
}

/** Stops this process's hub, if it was started (shutdown). */
export async function stopLiveHub(): Promise<void> {
	const holder = globalThis as Holder;
	const pending = holder[KEY];
	holder[KEY] = undefined;
	holder[STARTED] = undefined;
	if (pending)
		await pending.then(
			(hub) => hub.stop(),
			() => undefined
		);
}

/** How many streams this process has open now (0 before the hub starts): logged at shutdown, to see leaks. */
export function liveStreamCount(): number {
	return (globalThis as Holder)[STARTED]?.subscriberCount ?? 0;
}
