// Live events (docs/adr/0011-realtime.md): writers publish inside their transaction, each process's hub hears them
// through one LISTEN and hands each to the open streams whose viewer may see it.
export { publish, EVENTS_CHANNEL, type LiveEvent } from './publish.ts';
export { LiveHub, liveHub, stopLiveHub, liveStreamCount, parseLiveEvent, type ClientEvent, type LiveSubscriber } from './hub.ts';
export { eventStream, resolveFollow, HEARTBEAT_MS, RETRY_MS, type Follow, type StreamOptions } from './stream.ts';
