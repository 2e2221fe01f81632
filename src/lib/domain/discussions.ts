// Discussions of communities of practice (Passerelles): what a message says (@mentions, #hashtags, plain-text
// excerpts) and who may do what in a thread. Pure: the use cases (server/discussions/) ask here; who may READ a
// thread is canReadThread in visibility.ts, beside every other visibility rule.
import type { Viewer } from './viewer.ts';

/** A thread's facts for the posting and moderation rules. */
export type ThreadFacts = {
	locked: boolean;
	/** Ids of the communities the thread is shown in (its home included). */
	communityIds: readonly string[];
};

/** Communities where the viewer is an active host. */
export type HostedCommunities = ReadonlySet<string>;

const isAdmin = (v: Viewer) => v.kind === 'account' && v.isAdmin;

/** Active members of a community the thread is shown in may post in it, unless it is locked. */
export function canPostInThread(viewer: Viewer, thread: ThreadFacts): boolean {
	if (viewer.kind !== 'account' || thread.locked) return false;
	return thread.communityIds.some((id) => viewer.activeCommunityIds.has(id));
}

/** Hosts of any community the thread is shown in hide messages and lock the thread; admins may, for moderation. */
export function canModerateThread(viewer: Viewer, thread: ThreadFacts, hosted: HostedCommunities): boolean {
	if (isAdmin(viewer)) return true;
	return viewer.kind === 'account' && thread.communityIds.some((id) => hosted.has(id));
}

export type MessageFacts = { authorId: string | null; deleted: boolean };

/** Authors edit their message while it exists and the thread is open. */
export function canEditMessage(viewer: Viewer, message: MessageFacts, thread: ThreadFacts): boolean {
	return viewer.kind === 'account' && !message.deleted && !thread.locked && message.authorId === viewer.id;
}

/** Authors delete their message (its place stays for the replies), locked thread or not. */
export function canDeleteMessage(viewer: Viewer, message: MessageFacts): boolean {
	return viewer.kind === 'account' && !message.deleted && message.authorId === viewer.id;
}

/** Whoever is signed in and may read the thread may report a message of someone else. */
export function canReportMessage(viewer: Viewer, message: MessageFacts): boolean {
	return viewer.kind === 'account' && !message.deleted && message.authorId !== viewer.id;
}

// ---- Text: what counts as code is skipped, so `@x` or `#x` in code stays code. ----

type Segment = { text: string; code: boolean };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits Markdown into code (fenced blocks, inline code spans) and the rest. */
export function splitCode(body: string): Segment[] {
	const out: Segment[] = [];
	const push = (text: string, code: boolean) => {
		if (!text) return;
		const last = out.at(-1);
		if (last && last.code === code) last.text += text;
		else out.push({ text, code });
	};
	const lines = body.split(/(?<=\n)/);
	let fence: string | null = null;
	let prose = '';
	const flushProse = () => {
		// Inline code spans: a run of backticks closed by a run of the same length.
		const re = /(`+)[\s\S]*?(?<!`)\1(?!`)/g;
		let at = 0;
		for (const m of prose.matchAll(re)) {
			push(prose.slice(at, m.index), false);
			push(m[0], true);
			at = m.index + m[0].length;
		}
		push(prose.slice(at), false);
		prose = '';
	};
	for (const line of lines) {
		const m = FENCE.exec(line);
		if (fence) {
			push(line, true);
			if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
		} else if (m) {
			flushProse();
			fence = m[1];
			push(line, true);
		} else prose += line;
	}
	flushProse();
	return out;
}

// @handle: handles are lower-case ASCII (domain/handles.ts); an address like a@b.org is no mention.
const MENTION = /(?<![\p{L}\p{N}_.@/-])@([a-z0-9][a-z0-9_-]{1,28}[a-z0-9])(?![\p{L}\p{N}_-]|@)/giu;
// #hashtag: Unicode letters, digits and _, at least one letter; not inside a word, a URL fragment or an entity.
const HASHTAG = /(?<![\p{L}\p{N}_/&#[\]\\])#([\p{L}\p{M}\p{N}_]{1,60})(?![\p{L}\p{M}\p{N}_])/gu;

/** A hashtag as stored and linked: lower-case, accents kept (NFC), without the #. */
export const normaliseTag = (raw: string): string => raw.replace(/^#/, '').normalize('NFC').toLowerCase();

/** True for a tag the parser would produce: what /tags/{tag} accepts. */
export const isTag = (tag: string): boolean => /^[\p{L}\p{M}\p{N}_]{1,60}$/u.test(tag) && /\p{L}/u.test(tag);

const unique = (xs: string[]) => [...new Set(xs)];

/** Handles @mentioned in a message (lower-case, once each), outside code. */
export function extractMentions(body: string): string[] {
	return unique(
		splitCode(body)
			.filter((s) => !s.code)
			.flatMap((s) => [...s.text.matchAll(MENTION)].map((m) => m[1].toLowerCase()))
	);
}

/** The #hashtags of a message (normalised, once each), outside code. */
export function extractHashtags(body: string): string[] {
	return unique(
		splitCode(body)
			.filter((s) => !s.code)
			.flatMap((s) => [...s.text.matchAll(HASHTAG)].map((m) => normaliseTag(m[1])))
			.filter(isTag)
	);
}

/**
 * The Markdown with @mentions and #hashtags made into links, outside code, ready for the notes renderer. A mention
 * of an unknown handle (`mentionHref` answers null) stays text.
 */
export function linkMentionsAndTags(
	body: string,
	hrefs: { mention: (handle: string) => string | null; tag: (tag: string) => string }
): string {
	return splitCode(body)
		.map((s) =>
			s.code
				? s.text
				: s.text
						.replace(MENTION, (all, handle: string) => {
							const href = hrefs.mention(handle.toLowerCase());
							return href ? `[${all}](${href})` : all;
						})
						.replace(HASHTAG, (all, raw: string) => {
							const tag = normaliseTag(raw);
							return isTag(tag) ? `[${all}](${hrefs.tag(tag)})` : all;
						})
		)
		.join('');
}

/** A message as plain text on one line: Markdown marks dropped, links reduced to their text. */
export function plainText(body: string): string {
	return body
		.replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, ' ')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[\[(?:id:[^|\]]+\|)?([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_, a: string, b?: string) => b ?? a)
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^ {0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
		.replace(/(\*\*|__|\*|_|~~|`)/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The start of a text, cut at a word boundary. */
export function excerpt(text: string, max = 200): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** What names a thread: its title, or the first words of its first message (a light post has no title). */
export function threadTitle(title: string, firstBody: string, words = 10): string {
	if (title.trim()) return title.trim();
	const text = plainText(firstBody);
	const first = text.split(' ').slice(0, words).join(' ');
	return excerpt(first.length < text.length ? `${first}…` : first, 90).replace(/……$/, '…');
}
