import type { Lang } from '../../../i18n.ts';
import { DEFAULT_PEERTUBE_HOSTS } from './embeds.ts';
import type { LookupAttachment, RenderEnv, ResolveWikiLink, TocEntry } from './env.ts';
import { markdown } from './markdown.ts';
import { sanitizeNoteHtml } from './sanitize.ts';

export interface RenderNoteBodyOptions {
	/** Language of the page: names the "#" permalinks and the embedded frames. */
	lang: Lang;
	/** Finds a linked note among those the viewer may see (see ResolveWikiLink). */
	resolve: ResolveWikiLink;
	/** Where a link to a missing title leads ("create this note"); null or absent renders it as plain text. */
	createHref?: (title: string) => string | null;
	/** This instance's public origin (e.g. https://commonplace.example): links to it are not marked as external. */
	origin?: string;
	/** PeerTube instances whose videos are embedded; others get a link card. */
	peertubeHosts?: readonly string[];
	/** Ids the page around the body already uses: a heading never takes one ("Main" → main-2). */
	reservedIds?: readonly string[];
	/**
	 * Finds a linked attachment (/files/{id}/…) among those the viewer may see (see LookupAttachment). With it, a link
	 * alone in its paragraph becomes a download card, or a player for audio and video; without it, links stay links.
	 */
	attachments?: LookupAttachment;
}

export interface RenderedNoteBody {
	/** Sanitised HTML, safe to insert as is. */
	html: string;
	/** h2 and h3 headings in order, for a table of contents. */
	toc: TocEntry[];
	/** Words of text (code blocks excluded), e.g. for tocWorthShowing or a reading time. */
	words: number;
}

/** Ids of the app's layout that a heading anchor must not take. */
export const LAYOUT_IDS: readonly string[] = ['main', 'site-search', 'content', 'top', 'toc'];

/**
 * Renders a note's Markdown body to sanitised HTML with heading anchors, wiki links and embeds. Pure and
 * synchronous; any caller may use it. The HTML depends on `resolve`, that is on what the viewer may see: cache it
 * per audience (e.g. anonymous), never across viewers.
 */
export function renderNoteBody(body: string, options: RenderNoteBodyOptions): RenderedNoteBody {
	const peertubeHosts = options.peertubeHosts ?? DEFAULT_PEERTUBE_HOSTS;
	const reserved = options.reservedIds ?? LAYOUT_IDS;
	const env: RenderEnv = {
		lang: options.lang,
		resolve: options.resolve,
		createHref: options.createHref ?? (() => null),
		origin: options.origin ? new URL(options.origin).origin : null,
		peertubeHosts: new Set(peertubeHosts),
		attachment: options.attachments ?? null,
		toc: [],
		words: 0,
		// markdown-it-anchor's slug registry: seeded so a heading never takes an id of the page around it.
		markdownItAnchor: { slugs: Object.fromEntries(reserved.map((id) => [id, true])) }
	};
	const html = sanitizeNoteHtml(markdown.render(body, env), peertubeHosts);
	return { html, toc: env.toc, words: env.words };
}
