// citation-js, set up once per process: the three CSL styles (APA bundled with plugin-csl, MLA and Chicago vendored
// in ./styles, see styles/README.md), a French locale for fr-CA, and the plugins for BibTeX and RIS.
// citation-js keeps plugins and their configuration in module state, so registering here is enough for every
// caller; our names (commonplace-*) keep out of the way of anyone else using citation-js in the process.
import { Cite, plugins, type CSL } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import mla from './styles/modern-language-association.ts';
import chicago from './styles/chicago-author-date-17th-edition.ts';

export type CitationLang = 'fr' | 'en';
export type CitationStyle = 'apa' | 'mla' | 'chicago';

/** The CSL locale for each interface language. en-US: APA, MLA and Chicago are written against US English. */
export const CSL_LOCALE: Record<CitationLang, string> = { fr: 'fr-CA', en: 'en-US' };

type Register = { get(name: string): string; has(name: string): boolean; add(name: string, xml: string): void };
const csl = plugins.config.get('@csl') as { styles: Register; locales: Register };

// The three styles print the date consulted only when the item has no publication date: the guides' default for
// stable publications. A note is revised in place at the same URL (every save is a revision), which is the case
// where APA 7 (§9.16), MLA 9 and Chicago 17 (§14.12) all allow or ask for the access date, and the product shows
// it on every citation (issue 3). So each style's test is changed to "when there is an access date", at exactly
// one known place; a style update that moves that place fails here, at start-up, instead of silently dropping it.
// The vendored files stay untouched; CC BY-SA 3.0 allows the adaptation (noted in docs/THIRD-PARTY.md).
function showAccessed(name: string, xml: string, from: string, to: string): string {
	const count = xml.split(from).length - 1;
	if (count !== 1) throw new Error(`CSL style ${name}: expected the access-date condition once, found ${count}`);
	return xml.replace(from, to);
}

const STYLES: Record<CitationStyle, () => string> = {
	apa: () =>
		showAccessed(
			'apa',
			csl.styles.get('apa'),
			'<if match="none" variable="issued status"><text term="retrieved"',
			'<if variable="accessed"><text term="retrieved"'
		),
	mla: () =>
		showAccessed(
			'mla',
			mla,
			'<macro name="accessed"><choose><if variable="issued" match="none">',
			'<macro name="accessed"><choose><if variable="accessed">'
		),
	chicago: () =>
		showAccessed(
			'chicago',
			chicago,
			'<choose><if variable="issued" match="none"><group delimiter=" "><text term="accessed"',
			'<choose><if variable="accessed"><group delimiter=" "><text term="accessed"'
		)
};

export const templateName = (style: CitationStyle) => `commonplace-${style}`;

function register() {
	for (const style of Object.keys(STYLES) as CitationStyle[]) {
		if (!csl.styles.has(templateName(style))) csl.styles.add(templateName(style), STYLES[style]());
	}
	// plugin-csl bundles fr-FR but not fr-CA, and citeproc silently falls back to en-US for a locale it lacks
	// (DESIGN §3a). The CSL project's fr-CA locale (as packaged in citeproc-locales 1.0.2) dates from 2012 and
	// leaves terms in English, while the bundled fr-FR is current; so fr-CA is fr-FR under the Canadian tag: the
	// same terms, month names and « » quotes, which Québec uses too.
	// One term differs: APA writes "[retrieved] <date>, [from] <URL>", and "Consulté 18 juillet 2024" lacks the
	// article French needs before a date ("consulté le", as fr-FR's own "accessed" term has it). Our three styles
	// use "retrieved" only before a date, so the change cannot produce "consulté le à l'adresse".
	if (!csl.locales.has('fr-CA')) {
		const frFR = csl.locales.get('fr-FR');
		const frCA = frFR
			.replace('xml:lang="fr-FR"', 'xml:lang="fr-CA"')
			.replace('<term name="retrieved">consulté</term>', '<term name="retrieved">consulté le</term>');
		if (!frCA.includes('<term name="retrieved">consulté le</term>')) throw new Error('fr-FR locale changed');
		csl.locales.add('fr-CA', frCA);
	}
}
register();

/** A bibliography entry as plain text, without the trailing newline citeproc adds. */
export function formatStyle(item: CSL, style: CitationStyle, lang: CitationLang): string {
	const text = new Cite(item).format('bibliography', {
		format: 'text',
		template: templateName(style),
		lang: CSL_LOCALE[lang]
	}) as string;
	return text.trim();
}

/** citation-js's own CSL normalisation of the item (unknown fields dropped, names and dates checked). */
export const normalisedCsl = (item: CSL): CSL => (new Cite(item).format('data', { format: 'object' }) as CSL[])[0];

export const formatBibtexObject = (item: CSL) =>
	new Cite(item).format('bibtex', { format: 'object' }) as unknown as {
		type: string;
		label: string;
		properties: Record<string, string>;
	}[];

export const formatRisObject = (item: CSL) => new Cite(item).format('ris', { format: 'object' }) as Record<string, string | string[]>[];
