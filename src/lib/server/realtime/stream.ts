// A text/event-stream of the live events one viewer may see (GET /api/v1/events): what it follows, checked like the
// pages, then the hub's events as they come, heartbeats between them.
import { NotFoundError } from '../../domain/errors.ts';
import { canReadThread } from '../../domain/visibility.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import type { ClientEvent, LiveHub, LiveSubscriber } from './hub.ts';
import { findPlace, placesOfThread } from './queries.ts';

/** A comment every 25 s keeps proxies (which often cut idle connections at 30–60 s) and the browser's reader awake. */
export const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting after a dropped stream (`retry:`). */
export const RETRY_MS = 3_000;

export type Follow = { communityId?: string; threadId?: string };

/**
 * What a stream may follow, answered NotFoundError like the pages when the viewer may not read it: a community whose
 * discussion is public or where they are an active member (a closed community's page exists for everyone, but its
 * discussion does not stream to non-members), or a thread they may read.
 */
export async function resolveFollow(db: Db, viewer: Viewer, query: { community?: string; thread?: string }): Promise<Follow> {
	const follow: Follow = {};
	if (query.community) {
		const place = await findPlace(db, query.community);
		if (!place || !canReadThread(viewer, [place])) throw new NotFoundError('No such community');
		follow.communityId = place.id;
	}
	if (query.thread) {
		const places = await placesOfThread(db, query.thread);
		if (!places.length || !canReadThread(viewer, places)) throw new NotFoundError('No such thread');
		follow.threadId = query.thread;
	}
	return follow;
}

export type StreamOptions = {
	hub: LiveHub;
	viewer: Viewer;
	follow: Follow;
	/** Reads the viewer again (memberships change while a stream is open); called with each heartbeat. */
	refreshViewer?: () => Promise<Viewer>;
	/** The browser's Last-Event-ID on a reconnection: events may have been missed, so the page is told to fetch again. */
	lastEventId?: string | null;
	/** Aborted when the client goes away. */
	signal?: AbortSignal;
	heartbeatMs?: number;
};

const encoder = new TextEncoder();

// Each event is encoded once, whatever the number of streams it goes to; its id is this process's sequence number.
let lastId = 0;
const frames = new WeakMap<ClientEvent, Uint8Array>();
function frameOf(event: ClientEvent): Uint8Array {
	let frame = frames.get(event);
	if (!frame) frames.set(event, (frame = encoder.encode(`id: ${++lastId}\ndata: ${JSON.stringify(event)}\n\n`)));
	return frame;
}

/** The SSE response: one subscriber in the hub for as long as the client stays, removed when it leaves. */
export function eventStream({
	hub,
	viewer,
	follow,
	refreshViewer,
	lastEventId,
	signal,
	heartbeatMs = HEARTBEAT_MS
}: StreamOptions): Response {
	let close = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			const write = (chunk: string | Uint8Array) => {
				if (closed) return;
				try {
					controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
				} catch {
					close();
				}
			};
			const subscriber: LiveSubscriber = { viewer, ...follow, send: (event: ClientEvent) => write(frameOf(event)) };
			const unsubscribe = hub.subscribe(subscriber);
			const heartbeat = setInterval(() => {
				write(': keep-alive\n\n');
				if (refreshViewer)
					refreshViewer().then(
						(v) => void (subscriber.viewer = v),
						() => undefined
					);
			}, heartbeatMs);
			// The connection keeps the process alive while it is open; its timer alone must not.
			heartbeat.unref();
			close = () => {
				if (closed) return;
				closed = true;
				clearInterval(heartbeat);
				unsubscribe();
				signal?.removeEventListener('abort', close);
				try {
					controller.close();
				} catch {
					// already closed or errored by the reader's side
				}
			};
			signal?.addEventListener('abort', close);
			if (signal?.aborted) return close();
			// The first bytes go out at once, so the browser's `open` fires and proxies send the headers now.
			write(`retry: ${RETRY_MS}\n: connected\n\n`);
			if (lastEventId) subscriber.send({ type: 'resync' });
		},
		cancel() {
			close();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			// Never stored, never transformed (compressed) on the way: each event must reach the reader when written.
			'cache-control': 'no-cache, no-transform',
			'x-accel-buffering': 'no'
		}
	});
}
