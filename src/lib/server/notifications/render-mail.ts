// Notification mail, written where the decision is taken (notify, the digest job) without knowing the public URL
// or the secret: links hold the ORIGIN marker and the unsubscribe link the UNSUBSCRIBE marker, which the mail sender
// replaces (mail-sender.ts). Private-use characters are stripped from people's text so nobody can forge a marker.
import type { DigestFrequency, DigestGroup } from '../../domain/notifications.ts';
import { m } from '../i18n.ts';
import { titleOr } from './present.ts';

type Lang = 'fr' | 'en';

export const ORIGIN = '\uE000origin\uE001';
export const UNSUBSCRIBE = '\uE000unsubscribe\uE001';
/** Internal header naming what the unsubscribe link turns off: a community id, or `*` for all; never sent. */
export const SCOPE_HEADER = 'X-Commonplace-Unsubscribe-Scope';

const clean = (s: string) => s.replace(/[\uE000-\uF8FF]/g, '');
const oneLine = (s: string) => clean(s).replace(/\s+/g, ' ').trim();
const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type QueuedMail = { subject: string; text: string; html: string | null; headers: Record<string, string> };

const footer = (lang: Lang, reason: string) =>
	[
		'',
		'-- ',
		reason,
		m.notif_mail_unsubscribe_line({ url: UNSUBSCRIBE }, { locale: lang }),
		m.notif_mail_preferences_line({ url: `${ORIGIN}/${lang}/settings/notifications` }, { locale: lang })
	].join('\n');

/** One notification, mailed at once. */
export function immediateMail(
	lang: Lang,
	item: { text: string; excerpt: string; path: string; communityId: string | null; communityName: string }
): QueuedMail {
	const lines = [oneLine(item.text)];
	if (item.excerpt) lines.push('', clean(item.excerpt).trim());
	if (item.path) lines.push('', m.notif_mail_open_line({ url: `${ORIGIN}/${lang}${clean(item.path)}` }, { locale: lang }));
	const reason = item.communityId
		? m.notif_mail_footer_community({ community: oneLine(item.communityName) }, { locale: lang })
		: m.notif_mail_footer_personal({}, { locale: lang });
	return {
		subject: oneLine(item.text).slice(0, 200),
		text: lines.join('\n') + '\n' + footer(lang, reason) + '\n',
		html: null,
		headers: { 'Content-Language': lang, [SCOPE_HEADER]: item.communityId ?? '*' }
	};
}

/** A digest: the threads of each community, with how many new items each holds and a link to the latest. */
export function digestMail(lang: Lang, frequency: DigestFrequency, groups: DigestGroup[]): QueuedMail {
	const o = { locale: lang };
	const threadCount = groups.reduce((n, g) => n + g.threads.length, 0);
	const subject =
		frequency === 'daily'
			? m.notif_digest_subject_daily({ count: threadCount }, o)
			: m.notif_digest_subject_weekly({ count: threadCount }, o);
	const intro = frequency === 'daily' ? m.notif_digest_intro_daily({}, o) : m.notif_digest_intro_weekly({}, o);
	const url = (path: string) => (path ? `${ORIGIN}/${lang}${clean(path)}` : `${ORIGIN}/${lang}/notifications`);
	const text: string[] = [intro];
	const html: string[] = [`<p>${escapeHtml(intro)}</p>`];
	for (const g of groups) {
		const name = oneLine(g.communityName);
		text.push('', name, '='.repeat(Math.min(name.length, 60)));
		html.push(`<h2>${escapeHtml(name)}</h2>`, '<ul>');
		for (const t of g.threads) {
			const count = t.count > 1 ? ` (${m.notif_digest_count({ count: t.count }, o)})` : '';
			const title = oneLine(titleOr(t.title, lang));
			text.push(`- ${title}${count}`, `  ${url(t.path)}`);
			html.push(`<li><a href="${escapeHtml(url(t.path))}">${escapeHtml(title)}</a>${escapeHtml(count)}</li>`);
		}
		html.push('</ul>');
	}
	const scope = groups.length === 1 && groups[0].communityId ? groups[0].communityId : '*';
	const reason = m.notif_digest_footer({}, o);
	html.push(
		'<hr>',
		`<p>${escapeHtml(reason)}<br><a href="${UNSUBSCRIBE}">${escapeHtml(m.notif_mail_unsubscribe({}, o))}</a> · ` +
			`<a href="${ORIGIN}/${lang}/settings/notifications">${escapeHtml(m.notif_mail_preferences({}, o))}</a></p>`
	);
	return {
		subject,
		text: text.join('\n') + '\n' + footer(lang, reason) + '\n',
		html: `<!doctype html><html lang="${lang}"><body>${html.join('\n')}</body></html>`,
		headers: { 'Content-Language': lang, [SCOPE_HEADER]: scope }
	};
}
