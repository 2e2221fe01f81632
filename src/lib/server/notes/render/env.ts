// What one render carries through markdown-it: the caller's callbacks in, the outline out. markdown-it instances are
// shared by every render (built once per module), so anything per call lives here.
import type { Env } from 'markdown-it';
import type { Lang } from '../../../i18n.ts';
import type { AttachmentKind } from '../../../domain/attachments.ts';
import type { WikiLinkTarget } from '../../../domain/wiki-links.ts';

/** A note the viewer may see: where it lives and its current title. */
export interface ResolvedNote {
	href: string;
	title: string;
}

/**
 * Finds the note a wiki link points to, among the notes the viewer may see; null otherwise. A hidden note must give
 * null, exactly like a missing one, so the rendered link never reveals it exists (DESIGN §6). Synchronous: look the
 * targets up in one query beforehand (extractWikiLinks), then answer from that.
 */
export type ResolveWikiLink = (target: WikiLinkTarget) => ResolvedNote | null;

/** What a body's link to /files/{id}/… shows: a card, a player or a picture. */
export interface LinkedAttachment {
	kind: AttachmentKind;
	filename: string;
	mime: string;
	size: number;
	altText: string;
}

/**
 * Finds an attachment by id among those on notes the viewer may see; null otherwise, exactly like a missing one, so
 * a card never reveals a hidden file. Synchronous: look the ids up in one query beforehand.
 */
export type LookupAttachment = (id: string) => LinkedAttachment | null;

export interface TocEntry {
	id: string;
	text: string;
	level: 2 | 3;
}

export interface RenderEnv extends Env {
	lang: Lang;
	resolve: ResolveWikiLink;
	createHref: (title: string) => string | null;
	/** Links to this origin are ours: no rel="nofollow ugc". */
	origin: string | null;
	peertubeHosts: ReadonlySet<string>;
	attachment: LookupAttachment | null;
	toc: TocEntry[];
	words: number;
}
