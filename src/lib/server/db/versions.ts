import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** A timestamp as microseconds since 1970, as text: exact, where a JavaScript date keeps milliseconds only. */
export const microsText = (column: SQL | AnyPgColumn): SQL<string> => sql<string>`(extract(epoch from ${column}) * 1000000)::bigint::text`;

/**
 * What a save sets `updated_at` to: now, and always later than the version it replaces, so that every save makes a
 * new version (microsText of it) even if the clock stood still or went back.
 */
export const nextVersionTime = (column: AnyPgColumn): SQL => sql`greatest(now(), ${column} + interval '1 microsecond')`;
