// Author names as CSL wants them. Commonplace stores one display name per profile ("Marie-Soleil L'Allier"), while
// APA, MLA and Chicago invert and abbreviate personal names ("L'Allier, M.-S."), and BibTeX/RIS need the family
// name first. So a personal name is split, but only where the split is safe; anything else becomes a CSL
// `literal`, which every style prints as written: a name left whole is less tidy than an inverted one, but a wrong
// inversion ("Guin, U. K. L." for Ursula K. Le Guin) misattributes the work.
//
// The rule, for people:
// - every word must begin with a capital letter. This keeps whole: names with lower-case particles ("Charles de
//   Gaulle", "Ludwig van Beethoven", "Jean-François d'Amours"), whose placement depends on the language (French
//   sorts "Gaulle, Charles de", Dutch and APA "van Beethoven"); names written in lower case on purpose ("bell
//   hooks"); scripts without capitals (CJK, Arabic), whose order is not given-then-family;
// - no comma, digit, brackets or generational suffix (Jr., III), which would need CSL's `suffix`;
// - the family name is the last word, with the capitalised particles just before it (Le Guin, De Koninck,
//   Da Silva, Van Dyke, Saint Laurent), as long as a given name remains ("Van Morrison" stays given + family).
// Compound family names without a hyphen ("García Márquez") cannot be told from middle names and will be split on
// the last space, as Zotero does with a one-field name; authors who mind can hyphenate their display name.
// Organisations are never split.

export type CitableAuthor = {
	name: string;
	/** An organisation's name is never inverted. Default: person. */
	kind?: 'person' | 'organization';
};

export type CslName = { family: string; given: string } | { literal: string };

// Capitalised particles that belong to the family name when they come just before its last word.
const PARTICLES = new Set('Da Das De Del Della Den Der Des Di Dos Du La Le Les Saint Sainte St. Ste Ste. Ten Ter Van Von'.split(' '));
const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv|fils|père|mère)$/i;
const STARTS_WITH_CAPITAL = /^\p{Lu}/u;

export function cslName(author: CitableAuthor): CslName {
	const name = author.name.trim().replace(/\s+/g, ' ');
	if (author.kind === 'organization') return { literal: name };
	const words = name.split(' ');
	const splittable =
		words.length >= 2 &&
		!/[,\d()[\]]/.test(name) &&
		words.every((w) => STARTS_WITH_CAPITAL.test(w)) &&
		!SUFFIXES.test(words[words.length - 1]);
	if (!splittable) return { literal: name };
	let cut = words.length - 1;
	while (cut > 1 && PARTICLES.has(words[cut - 1])) cut--;
	return { family: words.slice(cut).join(' '), given: words.slice(0, cut).join(' ') };
}
