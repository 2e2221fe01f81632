import { describe, expect, it } from 'vitest';
import { slugify } from './slugs.ts';

describe('slugify', () => {
	it.each([
		[
			"Atelier 4 - Présenter et rêver le modèle de soutenabilité d'En commun",
			'atelier-4-presenter-et-rever-le-modele-de-soutenabilite-den-commun'
		],
		['Bibliothèques & tiers-lieux', 'bibliotheques-tiers-lieux'],
		['  Économie sociale  ', 'economie-sociale'],
		['Связь', '']
	])('%s', (text, slug) => expect(slugify(text)).toBe(slug));

	it('cuts long titles at a word boundary', () => {
		expect(slugify('un deux trois quatre cinq six', 16)).toBe('un-deux-trois');
	});
});
