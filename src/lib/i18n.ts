// Locale comes from the URL prefix (/fr, /en) on the server and in the browser alike (DESIGN §7).
import { defineCustomClientStrategy, defineCustomServerStrategy, locales, type Locale } from './paraglide/runtime.js';

export type Lang = Locale;

export function langFromPath(pathname: string): Lang | undefined {
	const first = pathname.split('/')[1];
	return (locales as readonly string[]).includes(first) ? (first as Lang) : undefined;
}

defineCustomServerStrategy('custom-path', { getLocale: (request) => (request ? langFromPath(new URL(request.url).pathname) : undefined) });
defineCustomClientStrategy('custom-path', {
	getLocale: () => (typeof location === 'undefined' ? undefined : langFromPath(location.pathname)),
	setLocale: () => {}
});

/** The same page in the other language: the language switcher keeps where the reader is. */
export function switchLangPath(url: Pick<URL, 'pathname' | 'search'>, to: Lang): string {
	const rest = url.pathname.replace(/^\/(fr|en)(?=\/|$)/, '');
	return `/${to}${rest}${url.search}`;
}

/** Picks fr or en from an Accept-Language header; English is the fallback for everyone else. */
export function langFromAcceptLanguage(header: string | null): Lang {
	const ranked = (header ?? '')
		.split(',')
		.map((part) => {
			const [tag, ...params] = part.trim().toLowerCase().split(';');
			const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
			return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0 };
		})
		.filter((x) => x.lang === 'fr' || x.lang === 'en')
		.sort((a, b) => b.q - a.q);
	return ranked[0]?.q > 0 ? (ranked[0].lang as Lang) : 'en';
}
