import { redirect } from '@sveltejs/kit';
import { NotFoundError } from '../../domain/errors.ts';
import { noteIdCandidates } from '../../domain/note-ref.ts';
import type { Db } from '../db/index.ts';
import { resolveNoteSegment } from './queries.ts';

/**
 * The note id a page URL names. A segment carrying a slug, or an old slug, redirects (301) to the canonical
 * `/{lang}/n/{id}…` so that citations and links converge on one address. NotFoundError when nothing matches.
 */
export async function noteIdFromSegment(db: Db, segment: string, url: URL): Promise<string> {
	const id = await resolveNoteSegment(db, noteIdCandidates(segment));
	if (!id) throw new NotFoundError('No such note');
	if (id !== segment) redirect(301, url.pathname.replace(`/n/${segment}`, `/n/${id}`) + url.search);
	return id;
}
