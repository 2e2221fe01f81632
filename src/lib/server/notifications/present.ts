// Shapes a notification for the page, the API and mail: one sentence per kind in the reader's language, the link
// of its payload under the reader's language, who did it. Every field is named; the payload is never passed on whole.
import { z } from 'zod';
import { m } from '../i18n.ts';
import { schema } from '../db/index.ts';
import type { NotificationRow } from './queries.ts';

type Lang = 'fr' | 'en';
type Kind = NotificationRow['kind'];

const Payload = z.object({
	title: z.string().max(500).catch(''),
	excerpt: z.string().max(2000).catch(''),
	path: z.string().max(1000).catch('')
});

/** The payload writers put on a notification (`{ title, excerpt, path }`), read defensively. */
export function readPayload(payload: unknown): { title: string; excerpt: string; path: string } {
	const p = Payload.parse(payload && typeof payload === 'object' ? payload : {});
	// Only a path of this site: a payload must not turn the bell into a redirect elsewhere.
	const path = p.path.startsWith('/') && !p.path.startsWith('//') && !p.path.includes('\\') ? p.path : '';
	return { title: p.title, excerpt: p.excerpt, path };
}

/** A thread's title as notifications show it: an untitled one (a note's thread that may not name the note) is a "Discussion". */
export const titleOr = (title: string, lang: Lang) => title.trim() || m.notif_untitled({}, { locale: lang });

/** The sentence that says what happened, e.g. "Alex replied in “Budget”". */
export function notificationText(kind: Kind, given: { actor: string; title: string; community: string }, lang: Lang): string {
	const o = { locale: lang };
	const v = { ...given, title: titleOr(given.title, lang) };
	const actor = v.actor || m.notif_someone({}, o);
	switch (kind) {
		case 'reply':
			return m.notif_kind_reply({ actor, title: v.title }, o);
		case 'mention':
			return m.notif_kind_mention({ actor, title: v.title }, o);
		case 'thread':
			return m.notif_kind_thread({ actor, title: v.title, community: v.community }, o);
		case 'membership_request':
			return m.notif_kind_membership_request({ actor, community: v.community || v.title }, o);
		case 'membership_approved':
			return m.notif_kind_membership_approved({ community: v.community || v.title }, o);
		case 'coauthor_invitation':
			return m.notif_kind_coauthor_invitation({ actor, title: v.title }, o);
		case 'note_shared':
			return m.notif_kind_note_shared({ actor, title: v.title, community: v.community }, o);
		case 'direct_message':
			return m.notif_kind_direct_message({ actor }, o);
	}
}

export type NotificationView = {
	id: string;
	kind: Kind;
	text: string;
	excerpt: string;
	/** Language-prefixed path on this site, or null when the item has no page. */
	href: string | null;
	actor: { name: string; handle: string } | null;
	community: { name: string; slug: string } | null;
	createdAt: Date;
	read: boolean;
};

export function presentNotification(row: NotificationRow, lang: Lang): NotificationView {
	const p = readPayload(row.payload);
	const actor = row.actorName && row.actorHandle ? { name: row.actorName, handle: row.actorHandle } : null;
	const community = row.communityName && row.communitySlug ? { name: row.communityName, slug: row.communitySlug } : null;
	return {
		id: row.id,
		kind: row.kind,
		text: notificationText(row.kind, { actor: actor?.name ?? '', title: p.title, community: community?.name ?? '' }, lang),
		excerpt: p.excerpt,
		href: p.path ? `/${lang}${p.path}` : null,
		actor,
		community,
		createdAt: row.createdAt,
		read: row.readAt !== null
	};
}

export const NotificationJson = z
	.object({
		id: z.string().describe('Notification id'),
		kind: z.enum(schema.NOTIFICATION_KINDS).describe('What happened'),
		text: z.string().describe('What happened, as a sentence in the language of the request'),
		excerpt: z.string().describe('A plain-text excerpt (a message’s first words), may be empty'),
		url: z.url().nullable().describe('The page of what happened'),
		actor: z.object({ name: z.string(), handle: z.string() }).nullable().describe('Who did it, if anyone'),
		community: z.object({ name: z.string(), slug: z.string() }).nullable().describe('Its community, if any'),
		createdAt: z.iso.datetime().describe('When it happened'),
		read: z.boolean().describe('Marked read (in the app or through the API)')
	})
	.meta({ id: 'Notification' });
export type NotificationJson = z.infer<typeof NotificationJson>;

export const presentNotificationJson = (v: NotificationView, at: { publicUrl: string }): NotificationJson => ({
	id: v.id,
	kind: v.kind,
	text: v.text,
	excerpt: v.excerpt,
	url: v.href ? `${at.publicUrl}${v.href}` : null,
	actor: v.actor,
	community: v.community,
	createdAt: v.createdAt.toISOString(),
	read: v.read
});
