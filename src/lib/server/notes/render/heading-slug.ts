// Heading anchors readers can read and type: "Synthèse des apprentissages" → #synthese-des-apprentissages.
// Uniqueness (-2, -3 …) is markdown-it-anchor's job, seeded with the page's own ids (see markdown.ts).

// Letters NFD does not split: French ligatures, and a few neighbours that reach French texts.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };

/** Lower-case, Latin accents stripped, words joined by "-"; letters of other scripts kept; "section" if nothing is left. */
export function headingSlug(text: string): string {
	const slug = text
		.toLowerCase()
		.normalize('NFD')
		// Only the combining accents of Latin, Greek and Cyrillic: other scripts' marks are part of their letters.
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[œæßøđł]/g, (c) => LIGATURES[c])
		.normalize('NFC')
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	// Cut by code point, not UTF-16 unit, so a letter outside the BMP is never split in half.
	const short = Array.from(slug).slice(0, 80).join('').replace(/-+$/, '');
	return short || 'section';
}
