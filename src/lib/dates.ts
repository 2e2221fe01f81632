// Dates as people here read them: Quebec's time zone (the instance's, until people choose their own) and the
// page's language. Server and browser format alike, so hydration never changes a date.
const TIME_ZONE = 'America/Toronto';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: 'fr' | 'en', options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${lang}${JSON.stringify(options)}`;
	let f = formats.get(key);
	if (!f) formats.set(key, (f = new Intl.DateTimeFormat(`${lang}-CA`, { ...options, timeZone: TIME_ZONE })));
	return f;
}

/** "27 mai 2024" / "May 27, 2024" */
export const formatDate = (d: Date, lang: 'fr' | 'en') => format(lang, { dateStyle: 'long' }).format(d);

/** "10 juillet 2024 à 16 h 24" / "July 10, 2024 at 4:24 p.m." */
export const formatDateTime = (d: Date, lang: 'fr' | 'en') => format(lang, { dateStyle: 'long', timeStyle: 'short' }).format(d);

/** "27 mai 2024" in a shorter form for tables: "27 mai 2024" / "May 27, 2024" at medium length. */
export const formatShortDate = (d: Date, lang: 'fr' | 'en') => format(lang, { dateStyle: 'medium' }).format(d);
