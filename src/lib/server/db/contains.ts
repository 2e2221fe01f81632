import { sql, type SQL } from 'drizzle-orm';

/** The text people typed, as a LIKE pattern fragment: % and _ match themselves. */
export const likeEscape = (text: string) => text.trim().replace(/[%_\\]/g, (c) => `\\${c}`);

// Accent- and case-insensitive containment: "developpement" finds "développement", as people type in a hurry.
export const containsText = (column: unknown, escaped: string): SQL =>
	sql`unaccent(lower(${column})) like '%' || unaccent(lower(${escaped})) || '%'`;
