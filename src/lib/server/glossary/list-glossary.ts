import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { containsText, likeEscape } from '../db/contains.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { visibleNoteFilter } from '../notes/index.ts';
import type { GlossaryLetter, GlossaryQuery } from './schemas.ts';
import { titleLetter, titleSortKey } from './sql.ts';

const { note } = schema;

/** More terms than this in one answer and the page asks for a letter at a time (a few hundred KB of HTML). */
export const GLOSSARY_MAX_TERMS = 1000;

// Terms the viewer may see (DESIGN §6). Deleted notes stay out even for admins: a listing is not moderation.
const visibleTerms = (viewer: Viewer) => and(eq(note.type, 'term'), visibleNoteFilter(viewer), isNull(note.deletedAt));

/**
 * The lexicon terms this viewer may see, by letter (A–Z, accents aside, then #) and alphabetically within one, with
 * the letters that hold at least one of them; `letter` and `q` narrow the terms, never the letters. Anyone may call it.
 */
export async function listGlossary(db: Db, viewer: Viewer, query: GlossaryQuery) {
	const letterRows = await db
		.select({ letter: titleLetter, count: count() })
		.from(note)
		.where(visibleTerms(viewer))
		.groupBy(titleLetter)
		.orderBy(asc(sql`${titleLetter} = '#'`), asc(titleLetter));
	const q = query.q ? likeEscape(query.q) : null;
	const rows = await db
		.select({
			id: note.id,
			title: note.title,
			letter: titleLetter,
			definition: note.termDefinition,
			synonyms: note.termSynonyms,
			summary: note.summary,
			language: note.language
		})
		.from(note)
		.where(
			and(
				visibleTerms(viewer),
				query.letter ? sql`${titleLetter} = ${query.letter}` : undefined,
				q
					? or(
							containsText(note.title, q),
							sql`exists (select 1 from unnest(${note.termSynonyms}) as synonym(text) where ${containsText(sql`synonym.text`, q)})`
						)
					: undefined
			)
		)
		.orderBy(asc(sql`${titleLetter} = '#'`), asc(titleLetter), asc(titleSortKey), asc(note.id))
		.limit(GLOSSARY_MAX_TERMS + 1);
	return {
		letters: letterRows.map((r) => ({ letter: r.letter as GlossaryLetter, count: r.count })),
		items: rows.slice(0, GLOSSARY_MAX_TERMS).map((r) => ({
			id: r.id,
			title: r.title,
			letter: r.letter as GlossaryLetter,
			definition: r.definition,
			synonyms: r.synonyms ?? [],
			summary: r.summary,
			language: r.language
		})),
		complete: rows.length <= GLOSSARY_MAX_TERMS
	};
}

export type GlossaryItem = Awaited<ReturnType<typeof listGlossary>>['items'][number];
