import { sql, type SQL } from 'drizzle-orm';
import { schema } from '../db/index.ts';

const { note } = schema;

// French readers look for « Économie » under E and expect « écologie » before « Économie » and both before
// « emploi »: letters and order come from the title with accents removed (unaccent, in both PGlite and PostgreSQL)
// and case folded. ascii() keeps the test to A–Z whatever the database's collation.
const initial = sql`upper(left(unaccent(${note.title}), 1))`;

/** The glossary section of a note: its title's first letter, accents aside, or '#' for anything but A–Z. */
export const titleLetter: SQL<string> = sql<string>`(case when ascii(${initial}) between 65 and 90 then ${initial} else '#' end)`;

/** The alphabetical sort key of a title, accents and case aside (also the directory's keyset cursor). */
export const titleSortKey: SQL<string> = sql<string>`lower(unaccent(${note.title}))`;

/** A free-text field as filters and facets compare it: "Montreal", "montréal " and "Montréal" are one region. */
export const folded = (value: unknown): SQL<string> => sql<string>`lower(unaccent(btrim(${value})))`;
