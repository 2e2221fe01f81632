// Pure: a community slug proposed from its name, on the shared slug rule of domain/slugs.ts.
import { slugify } from '../../domain/slugs.ts';
import { RESERVED_COMMUNITY_SLUGS } from './schemas.ts';

const MAX = 60;
// Room for a "-NN" suffix when the plain proposal is taken.
const BASE_MAX = MAX - 4;

/** The name as a slug ("Bibliothèques & tiers-lieux" → "bibliotheques-tiers-lieux"). */
export function slugFromName(name: string): string {
	const base = slugify(name, BASE_MAX);
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
