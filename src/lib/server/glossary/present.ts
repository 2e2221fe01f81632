import type { DirectoryItem } from './list-directory.ts';
import type { GlossaryItem } from './list-glossary.ts';
import { GLOSSARY_LETTERS, type GlossaryLetter, type GlossaryTermJson, type OrganizationJson } from './schemas.ts';

/**
 * A website to link to, or null: http and https only. The note form already refuses other schemes, but a row
 * written before that rule or by an import must never become a javascript: or data: link.
 */
export function safeWebsite(url: string | null): string | null {
	if (!url) return null;
	try {
		const parsed = new URL(url.trim());
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
	} catch {
		return null;
	}
}

/** A term as the API shows it; every field is named. */
export const presentGlossaryTerm = (item: GlossaryItem, publicUrl: string, lang: 'fr' | 'en'): GlossaryTermJson => ({
	id: item.id,
	title: item.title,
	letter: item.letter,
	definition: item.definition,
	synonyms: item.synonyms,
	language: item.language,
	url: `${publicUrl}/${lang}/n/${item.id}`
});

/** An organisation as the API shows it; every field is named, and the website only if it is http(s). */
export const presentOrganization = (item: DirectoryItem, publicUrl: string, lang: 'fr' | 'en'): OrganizationJson => ({
	id: item.id,
	name: item.name,
	summary: item.summary,
	region: item.region,
	sector: item.sector,
	website: safeWebsite(item.website),
	language: item.language,
	url: `${publicUrl}/${lang}/n/${item.id}`
});

/** An organisation as the directory page shows it: the website checked, and shown without its scheme. */
export const presentOrganizationCard = (item: DirectoryItem) => {
	const website = safeWebsite(item.website);
	return {
		id: item.id,
		name: item.name,
		summary: item.summary,
		region: item.region,
		sector: item.sector,
		language: item.language,
		website,
		websiteLabel: website ? website.replace(/^https?:\/\//, '').replace(/\/$/, '') : null
	};
};
export type OrganizationCard = ReturnType<typeof presentOrganizationCard>;

// Close to the database's lower(unaccent(btrim())): enough to recognise the chosen value among the facets.
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * The choices of one filter of the directory's form, and the one to show as selected. A value typed in the address
 * that no visible organisation has stays a choice (with 0), so the form always shows what is being filtered on.
 */
export function presentFacetOptions(facets: { value: string; count: number }[], chosen: string | undefined) {
	if (!chosen) return { options: facets, selected: '' };
	const match = facets.find((f) => fold(f.value) === fold(chosen));
	if (match) return { options: facets, selected: match.value };
	return { options: [{ value: chosen, count: 0 }, ...facets], selected: chosen };
}

/** The glossary page: every letter for the navigation (with 0 where no visible term is), and the terms by letter. */
export function presentGlossaryPage(glossary: { letters: { letter: GlossaryLetter; count: number }[]; items: GlossaryItem[] }) {
	const counts = new Map(glossary.letters.map((l) => [l.letter, l.count]));
	const sections: { letter: GlossaryLetter; items: GlossaryItem[] }[] = [];
	for (const item of glossary.items) {
		const last = sections.at(-1);
		if (last?.letter === item.letter) last.items.push(item);
		else sections.push({ letter: item.letter, items: [item] });
	}
	return { nav: GLOSSARY_LETTERS.map((letter) => ({ letter, count: counts.get(letter) ?? 0 })), sections };
}
