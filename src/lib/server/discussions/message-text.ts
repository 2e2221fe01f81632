// What a message's text carries beside its Markdown: its #hashtags and @mentions (stored for the tag page and so
// that a mention notifies once), and its rendering through the notes renderer.
import { and, eq, inArray } from 'drizzle-orm';
import { extractHashtags, extractMentions, linkMentionsAndTags } from '../../domain/discussions.ts';
import { schema, type Db } from '../db/index.ts';
import { attachmentMarkdown } from '../../domain/attachments.ts';
import { renderNoteBody } from '../notes/render/index.ts';
import type { MessageFile } from './message-files.ts';
import { accountsByHandle } from './queries.ts';

const { messageTag, messageMention } = schema;

/** Replaces a message's tags with those of its body; a `fresh` message has none to replace. */
export async function writeTags(tx: Db, messageId: string, body: string, opts: { fresh?: boolean } = {}): Promise<void> {
	if (!opts.fresh) await tx.delete(messageTag).where(eq(messageTag.messageId, messageId));
	const tags = extractHashtags(body);
	if (tags.length) await tx.insert(messageTag).values(tags.map((tag) => ({ messageId, tag })));
}

/** Records the accounts a body mentions that the message did not mention yet; answers those new ones. */
export async function addMentions(tx: Db, messageId: string, body: string): Promise<string[]> {
	const accounts = await accountsByHandle(tx, extractMentions(body));
	if (!accounts.size) return [];
	const known = await tx
		.select({ id: messageMention.accountId })
		.from(messageMention)
		.where(and(eq(messageMention.messageId, messageId), inArray(messageMention.accountId, [...accounts.values()])));
	const already = new Set(known.map((k) => k.id));
	const fresh = [...accounts.values()].filter((id) => !already.has(id));
	if (fresh.length) await tx.insert(messageMention).values(fresh.map((accountId) => ({ messageId, accountId })));
	return fresh;
}

export type RenderContext = { lang: 'fr' | 'en'; origin?: string; handles: ReadonlySet<string> };

/** The handles mentioned in some bodies that belong to an account: only those become profile links. */
export async function knownHandles(db: Db, bodies: string[]): Promise<Set<string>> {
	const handles = [...new Set(bodies.flatMap(extractMentions))];
	return new Set((await accountsByHandle(db, handles)).keys());
}

/**
 * A message body as sanitised HTML: @mentions link to profiles, #hashtags to their tag page; then its files, as a
 * note shows its attachments (pictures, players, download cards).
 */
export function renderMessage(body: string, { lang, origin, handles }: RenderContext, files: readonly MessageFile[] = []): string {
	const linked = linkMentionsAndTags(body, {
		mention: (h) => (handles.has(h) ? `/${lang}/u/${h}` : null),
		tag: (t) => `/${lang}/tags/${encodeURIComponent(t)}`
	});
	const html = renderNoteBody(linked, { lang, origin, resolve: () => null }).html;
	if (!files.length) return html;
	const byId = new Map(files.map((f) => [f.id, f]));
	const cards = renderNoteBody(files.map(attachmentMarkdown).join('\n\n'), {
		lang,
		origin,
		resolve: () => null,
		attachments: (id) => byId.get(id) ?? null
	}).html;
	return `${html}<div class="message-files">${cards}</div>`;
}
