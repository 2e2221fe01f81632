/**
 * Lower-case ASCII words joined by hyphens, for readable URLs: "Bibliothèques & tiers-lieux" →
 * "bibliotheques-tiers-lieux", "d'En commun" → "den-commun". Cut at a word boundary within `max` characters.
 */
export function slugify(text: string, max = 80): string {
	const full = text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (full.length <= max) return full;
	const cut = full.slice(0, max);
	const lastHyphen = cut.lastIndexOf('-');
	return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/g, '');
}
