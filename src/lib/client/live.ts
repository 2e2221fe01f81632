// Live updates in the browser (ADR 11): Server-Sent Events from /api/v1/events, reconnected with backoff, stopped
// politely. Pages work without this (forms post, pages reload); it only adds what changed while they are open.
// Call from onMount or $effect only: on the server (SSR) every function here does nothing.

/** What the stream says: ids and the kind of change; fetch what to show through the normal routes. */
export type LiveEvent =
	| { type: 'message'; change: 'created' | 'edited' | 'deleted' | 'hidden' | 'shown'; threadId: string; messageId: string }
	| { type: 'thread'; change: 'created' | 'locked' | 'unlocked'; threadId: string }
	| { type: 'direct_message'; conversationId: string; messageId: string }
	| { type: 'notification'; unread: number }
	/** Events may have been missed (a reconnection): fetch the current state again. */
	| { type: 'resync' };

export type Follow = { community?: string; thread?: string };

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/** The stream's URL for what a page follows (a community by id or slug, a thread); none: one's own events only. */
export function eventsUrl(follow: Follow = {}): string {
	const params = new URLSearchParams();
	if (follow.community) params.set('community', follow.community);
	if (follow.thread) params.set('thread', follow.thread);
	const query = params.toString();
	return `/api/v1/events${query ? `?${query}` : ''}`;
}

/**
 * Opens `url` as an EventSource and calls `onEvent` with each event. The browser reconnects by itself after a dropped
 * connection (the server says when, and answers `resync`); when it gives up (an error answer, the server down), this
 * tries again after 1, 2, 4… up to 60 s, and again as soon as the browser is back online, then calls `onEvent` with
 * `resync`. Returns the function that stops for good.
 */
export function subscribe(url: string, onEvent: (event: LiveEvent) => void, onState: (open: boolean) => void = () => {}): () => void {
	if (typeof EventSource === 'undefined') return () => {};
	let source: EventSource | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let delay = FIRST_RETRY_MS;
	let stopped = false;
	let opened = false;
	let missed = false;

	const connect = () => {
		timer = undefined;
		if (stopped) return;
		source = new EventSource(url);
		source.onopen = () => {
			delay = FIRST_RETRY_MS;
			opened = true;
			onState(true);
			// A new EventSource sends no Last-Event-ID: whatever happened since the last one is unknown.
			if (missed) {
				missed = false;
				onEvent({ type: 'resync' });
			}
		};
		source.onmessage = (message) => {
			let event: LiveEvent;
			try {
				event = JSON.parse(message.data) as LiveEvent;
			} catch {
				return;
			}
			onEvent(event);
		};
		source.onerror = () => {
			onState(false);
			// CONNECTING: the browser retries by itself. CLOSED: it gave up; so do we, for a while.
			if (!source || source.readyState !== EventSource.CLOSED || stopped) return;
			source.close();
			source = undefined;
			if (opened) missed = true;
			retryLater();
		};
	};
	const retryLater = () => {
		if (timer || stopped) return;
		const jitter = delay * (0.8 + Math.random() * 0.4);
		timer = setTimeout(connect, jitter);
		delay = Math.min(delay * 2, MAX_RETRY_MS);
	};
	const online = () => {
		if (source || stopped) return;
		clearTimeout(timer);
		timer = undefined;
		delay = FIRST_RETRY_MS;
		connect();
	};
	if (typeof window !== 'undefined') window.addEventListener('online', online);
	connect();
	return () => {
		stopped = true;
		clearTimeout(timer);
		source?.close();
		source = undefined;
		onState(false);
		if (typeof window !== 'undefined') window.removeEventListener('online', online);
	};
}

// ---- one shared stream per page ------------------------------------------------------------------------------
// The bell (in the layout) and a discussion page share one connection: browsers allow six per site over HTTP/1.1,
// and every tab would otherwise hold two. Personal events (notifications, direct messages) come on any stream.

type Listener = (event: LiveEvent) => void;
const listeners = new Set<Listener>();
const follows = new Map<symbol, Follow>();
let current: { url: string; stop: () => void } | undefined;

function reconcile() {
	if (!listeners.size) {
		current?.stop();
		current = undefined;
		return;
	}
	// The most recent page that follows something wins (a page follows one community or thread at a time).
	const follow = [...follows.values()].at(-1) ?? {};
	const url = eventsUrl(follow);
	if (current?.url === url) return;
	current?.stop();
	// `data-live="open"` on <html> while the stream is open: what browser tests wait for before writing.
	const stop = subscribe(
		url,
		(event) => listeners.forEach((l) => l(event)),
		(open) => (document.documentElement.dataset.live = open ? 'open' : 'closed')
	);
	current = { url, stop };
}

/** Calls `listener` with every event of the page's shared stream; returns the function that removes it. */
export function onLive(listener: Listener): () => void {
	listeners.add(listener);
	queueMicrotask(reconcile);
	return () => {
		listeners.delete(listener);
		queueMicrotask(reconcile);
	};
}

/** Makes the shared stream follow a community or a thread while the page shows it; returns the function that stops. */
export function followLive(follow: Follow, listener: Listener): () => void {
	const key = Symbol('follow');
	follows.set(key, follow);
	const off = onLive(listener);
	return () => {
		follows.delete(key);
		off();
	};
}

/** The bell: `onUnread` with the new unread count on each notification (and on resync, with null: fetch it). */
export function liveUnread(onUnread: (unread: number | null) => void): () => void {
	return onLive((e) => {
		if (e.type === 'notification') onUnread(e.unread);
		else if (e.type === 'resync') onUnread(null);
	});
}

/**
 * A thread page: `onChange` for each message created, edited, deleted, hidden or shown in it (fetch the thread's new
 * messages then), `onResync` when events may have been missed (fetch the thread again).
 */
export function liveThread(
	threadId: string,
	onChange: (event: Extract<LiveEvent, { type: 'message' | 'thread' }>) => void,
	onResync: () => void = () => {}
): () => void {
	return followLive({ thread: threadId }, (e) => {
		if ((e.type === 'message' || e.type === 'thread') && e.threadId === threadId) onChange(e);
		else if (e.type === 'resync') onResync();
	});
}

/** A community page: `onChange` for each new thread or message in it that the viewer may read. */
export function liveCommunity(
	community: string,
	onChange: (event: Extract<LiveEvent, { type: 'message' | 'thread' }>) => void,
	onResync: () => void = () => {}
): () => void {
	return followLive({ community }, (e) => {
		if (e.type === 'message' || e.type === 'thread') onChange(e);
		else if (e.type === 'resync') onResync();
	});
}

/** A conversation page or the messages list: `onMessage` for each direct message (in `conversationId` if given). */
export function liveConversation(
	onMessage: (event: Extract<LiveEvent, { type: 'direct_message' }>) => void,
	conversationId?: string
): () => void {
	return onLive((e) => {
		if (e.type === 'direct_message' && (!conversationId || e.conversationId === conversationId)) onMessage(e);
	});
}

/**
 * `fn` at most once per `ms`, after the last call of a burst: ten messages in a second reload a page once or twice,
 * not ten times. For `invalidateAll` on live events.
 */
export function coalesce(fn: () => unknown, ms = 250): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	return () => {
		if (timer) return;
		timer = setTimeout(() => {
			timer = undefined;
			void fn();
		}, ms);
	};
}
