// Which bare URLs become embedded players or boards (issue 3: YouTube, Vimeo, PeerTube, Miro), and the frame
// address for each. The frame address is rebuilt from validated parts, never copied from the note, so nothing the
// author typed beyond an id reaches the iframe.

export type EmbedProvider = 'youtube' | 'vimeo' | 'peertube' | 'miro';

export interface Embed {
	provider: EmbedProvider;
	src: string;
	referrerPolicy: 'no-referrer' | 'strict-origin-when-cross-origin';
}

/**
 * PeerTube is federated: any host may run it, so frames go only to instances named here (or by the caller). A few
 * long-lived public instances to start with; an operator setting can replace the list.
 */
export const DEFAULT_PEERTUBE_HOSTS: readonly string[] = ['framatube.org', 'video.blender.org', 'tilvids.com', 'tube.tchncs.de'];

/** Hosts our own frame addresses point to, besides PeerTube instances. */
export const FIXED_FRAME_HOSTS: readonly string[] = ['www.youtube-nocookie.com', 'player.vimeo.com', 'miro.com'];

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_PATH = /^\/(?:shorts|embed|live|v)\/([^/]+)\/?$/;
const YOUTUBE_TIME = /^(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?$/;
const VIMEO_PAGE = /^\/(?:channels\/[\w-]+\/|groups\/[\w-]+\/videos\/)?(\d{1,12})(?:\/([0-9a-f]{6,20}))?\/?$/;
const VIMEO_PLAYER = /^\/video\/(\d{1,12})\/?$/;
const VIMEO_HASH = /^[0-9a-f]{6,20}$/;
const PEERTUBE_PATH =
	/^\/(?:videos\/(?:watch|embed)|w)\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[1-9A-HJ-NP-Za-km-z]{16,24})\/?$/;
const MIRO_PATH = /^\/app\/(?:board|live-embed)\/([A-Za-z0-9_-]{6,40}={0,2})\/?$/;

// "1h2m3s", "90s" or "90" → seconds; anything else → null.
function youtubeStart(value: string | null): number | null {
	const m = value ? YOUTUBE_TIME.exec(value) : null;
	if (!m) return null;
	const seconds = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
	return seconds > 0 ? seconds : null;
}

function youtube(url: URL): Embed | null {
	let id: string | undefined;
	if (url.hostname === 'youtu.be') id = url.pathname.slice(1).replace(/\/$/, '');
	else if (!YOUTUBE_HOSTS.has(url.hostname)) return null;
	else if (url.pathname === '/watch') id = url.searchParams.get('v') ?? undefined;
	else id = YOUTUBE_PATH.exec(url.pathname)?.[1];
	if (!id || !YOUTUBE_ID.test(id)) return null;
	const start = youtubeStart(url.searchParams.get('t') ?? url.searchParams.get('start'));
	return {
		provider: 'youtube',
		// The nocookie host sets no tracking cookie until the reader presses play.
		src: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
		// Since July 2025 YouTube's player refuses to play without a Referer ("Error 153"); this sends only our
		// origin, never the note's path.
		referrerPolicy: 'strict-origin-when-cross-origin'
	};
}

function vimeo(url: URL): Embed | null {
	let id: string | undefined;
	let hash: string | null | undefined;
	if (url.hostname === 'vimeo.com' || url.hostname === 'www.vimeo.com') [, id, hash] = VIMEO_PAGE.exec(url.pathname) ?? [];
	else if (url.hostname === 'player.vimeo.com') [, id] = VIMEO_PLAYER.exec(url.pathname) ?? [];
	else return null;
	if (!id) return null;
	hash ??= url.searchParams.get('h');
	// dnt=1: Vimeo's player then keeps no session data on the reader.
	const query = `dnt=1${hash && VIMEO_HASH.test(hash) ? `&h=${hash}` : ''}`;
	return { provider: 'vimeo', src: `https://player.vimeo.com/video/${id}?${query}`, referrerPolicy: 'no-referrer' };
}

function peertube(url: URL, hosts: ReadonlySet<string>): Embed | null {
	if (!hosts.has(url.hostname) || url.protocol !== 'https:' || url.port !== '') return null;
	const id = PEERTUBE_PATH.exec(url.pathname)?.[1];
	if (!id) return null;
	// p2p=0: PeerTube's peer-to-peer loading would show each reader's IP address to the other viewers.
	return { provider: 'peertube', src: `https://${url.hostname}/videos/embed/${id}?p2p=0`, referrerPolicy: 'no-referrer' };
}

function miro(url: URL): Embed | null {
	if (url.hostname !== 'miro.com' && url.hostname !== 'www.miro.com') return null;
	const id = MIRO_PATH.exec(url.pathname)?.[1];
	if (!id) return null;
	return { provider: 'miro', src: `https://miro.com/app/live-embed/${id}/?embedMode=view_only_without_ui`, referrerPolicy: 'no-referrer' };
}

/** The frame for a URL of a known player or board, or null (the caller then shows a link card). */
export function recogniseEmbed(href: string, peertubeHosts: ReadonlySet<string>): Embed | null {
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return null;
	}
	if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null;
	return youtube(url) ?? vimeo(url) ?? miro(url) ?? peertube(url, peertubeHosts);
}
