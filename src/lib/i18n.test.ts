import { describe, expect, it } from 'vitest';
import { langFromAcceptLanguage, switchLangPath } from './i18n.ts';

describe('language choice', () => {
	it.each([
		['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
		['en-US,en;q=0.9,fr;q=0.5', 'en'],
		['de-DE,de;q=0.9', 'en'],
		['de,fr;q=0.3', 'fr'],
		['', 'en'],
		[null, 'en']
	])('%s gives %s', (header, lang) => expect(langFromAcceptLanguage(header)).toBe(lang));

	it('keeps the page and query when switching', () => {
		expect(switchLangPath(new URL('http://x/fr/g/en-commun?tab=members'), 'en')).toBe('/en/g/en-commun?tab=members');
		expect(switchLangPath(new URL('http://x/en'), 'fr')).toBe('/fr');
	});
});
