/** Only same-site paths may be redirect targets after sign-in: an open redirect would help phishing. */
export function safeNext(next: string | null, lang: 'fr' | 'en'): string {
	if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
	return `/${lang}`;
}
