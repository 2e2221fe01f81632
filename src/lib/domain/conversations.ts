// Direct messages (issue 6): who may know that a conversation exists, and who takes part in a new one. Pure rules;
// the SQL twin of canReadConversation is participantFilter (server/conversations/visibility-filter.ts).
import type { Viewer } from './viewer.ts';

/** A conversation gathers its starter and at most this many other people. */
export const MAX_RECIPIENTS = 20;

/** The longest message body, in characters. */
export const MAX_MESSAGE_LENGTH = 10_000;

/**
 * Only the participants of a conversation may read it or learn that it exists; everyone else, anonymous or signed in,
 * gets 404. Admins included: DESIGN §6 lets admins see everything "for moderation", but issue 6 states that only
 * participants can read direct messages, and nothing in a conversation is public content to moderate. An admin who
 * must act on a private message needs a participant to report it.
 */
export function canReadConversation(viewer: Viewer, participantIds: readonly string[]): boolean {
	return viewer.kind === 'account' && participantIds.includes(viewer.id);
}

/** Handles as people type them: separated by commas, spaces or lines, with or without "@", case aside; no repeats. */
export function parseHandles(text: string): string[] {
	const seen = new Set<string>();
	for (const part of text.split(/[\s,;]+/)) {
		const handle = part.trim().replace(/^@+/, '').toLowerCase();
		if (handle) seen.add(handle);
	}
	return [...seen];
}

export type RecipientProblem = 'dm_no_recipient' | 'dm_too_many_recipients';

/**
 * The other participants of a new conversation: the recipients without the starter and without repeats. Returns a
 * problem code when nobody else is left or too many are.
 */
export function recipientsOf(starterId: string, recipientIds: readonly string[]): { ids: string[] } | { problem: RecipientProblem } {
	const ids = [...new Set(recipientIds)].filter((id) => id !== starterId);
	if (ids.length === 0) return { problem: 'dm_no_recipient' };
	if (ids.length > MAX_RECIPIENTS) return { problem: 'dm_too_many_recipients' };
	return { ids };
}

/**
 * The key of "the same conversation": the same people about the same note (or none). Starting a conversation that has
 * this key reopens it instead of making a second one, so two people keep one thread of messages (and "Contact the
 * author" twice from one note lands in the same place).
 */
export function conversationKey(participantIds: readonly string[], noteId: string | null): string {
	return `${[...new Set(participantIds)].sort().join(',')}|${noteId ?? ''}`;
}

/** A message on one line, cut at a word boundary: for notifications, emails and the conversations list. */
export function messageExcerpt(body: string, max = 140): string {
	const flat = body
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`>#~]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
