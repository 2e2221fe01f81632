import { describe, expect, it } from 'vitest';
import { headingSlug } from './heading-slug.ts';

// [heading, slug]
const slugs: [string, string][] = [
	['Synthèse des apprentissages', 'synthese-des-apprentissages'],
	['Déroulement', 'deroulement'],
	['Groupe 1 - Ancrages territoriaux et réseau de soutien', 'groupe-1-ancrages-territoriaux-et-reseau-de-soutien'],
	["Présenter et rêver le modèle de soutenabilité d'En commun", 'presenter-et-rever-le-modele-de-soutenabilite-d-en-commun'],
	['Où ça ? À l’œuvre, Ça « marche » !', 'ou-ca-a-l-oeuvre-ca-marche'],
	['ÉCOLE ÉTÉ', 'ecole-ete'],
	['Loi 25 (Québec)', 'loi-25-quebec'],
	['  --trim--  ', 'trim'],
	['💡 Contexte', 'contexte'],
	['Ελληνικά κείμενα', 'ελληνικα-κειμενα'],
	['日本語の見出し', '日本語の見出し'],
	['हिन्दी', 'हिन्दी'],
	['!!!', 'section'],
	['', 'section']
];

describe('headingSlug', () => {
	it.each(slugs)('%s → %s', (heading, slug) => {
		expect(headingSlug(heading)).toBe(slug);
	});

	it('stays short and never ends on a hyphen', () => {
		const slug = headingSlug('mot '.repeat(60));
		expect(Array.from(slug).length).toBeLessThanOrEqual(80);
		expect(slug.endsWith('-')).toBe(false);
	});
});
