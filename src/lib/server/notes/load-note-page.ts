import { redirect } from '@sveltejs/kit';
import { NotFoundError } from '../../domain/errors.ts';
import { noteIdCandidates } from '../../domain/note-ref.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { resolveNoteSegment } from './queries.ts';

/**
 * The note id a page URL names. A segment carrying a slug, or an old slug, redirects (301) to the canonical
 * `/{lang}/n/{id}…` so that citations and links converge on one address. NotFoundError when nothing matches, or
 * only a note the viewer may not see: before the redirect, which would tell them it exists.
 */
export async function noteIdFromSegment(db: Db, viewer: Viewer, segment: string, url: URL): Promise<string> {
	const id = await resolveNoteSegment(db, viewer, noteIdCandidates(segment));
	if (!id) throw new NotFoundError('No such note');
	if (id !== segment) redirect(301, url.pathname.replace(`/n/${segment}`, `/n/${id}`) + url.search);
	return id;
}
