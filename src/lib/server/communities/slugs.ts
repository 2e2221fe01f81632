// Pure: a community slug proposed from its name. It would sit in domain/ beside other slug rules; it lives here
// while communities are its only user.
import { RESERVED_COMMUNITY_SLUGS } from './schemas.ts';

const MAX = 60;
// Room for a "-NN" suffix when the plain proposal is taken.
const BASE_MAX = MAX - 4;

/** Lower-case ASCII words joined by hyphens ("Bibliothèques & tiers-lieux" → "bibliotheques-tiers-lieux"). */
export function slugFromName(name: string): string {
	const base = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, BASE_MAX)
		.replace(/-+$/g, '');
	// Names in other scripts leave nothing usable: fall back to a generic word.
	return base.length >= 3 ? base : `communaute${base ? `-${base}` : ''}`;
}

/** The first of base, base-2, base-3 … that is neither taken (lower-cased) nor reserved. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
	for (let n = 1; ; n++) {
		const candidate = n === 1 ? base : `${base}-${n}`;
		if (!taken.has(candidate) && !RESERVED_COMMUNITY_SLUGS.has(candidate)) return candidate;
	}
}
