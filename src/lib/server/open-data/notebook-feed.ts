import { and, asc, eq, inArray } from 'drizzle-orm';
import { NotFoundError } from '../../domain/errors.ts';
import { licence } from '../../domain/licences.ts';
import { canViewNotebook } from '../../domain/visibility.ts';
import { anonymous } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { schema } from '../db/index.ts';
import { findNotebookWithFacts, listNotebookNotes, ListNotebookNotesQuery } from '../notebooks/index.ts';
import type { Feed } from './feed-xml.ts';

export const FEED_SIZE = 30;

type At = { publicUrl: string; lang: 'fr' | 'en'; format: 'atom' | 'rss' };

/**
 * The feed of a notebook's most recently included notes. Feeds are public documents that any reader or aggregator
 * may copy (DESIGN §6): they are read as an anonymous viewer, so only a public notebook has one (NotFoundError
 * otherwise, as if it did not exist) and only its public, published, non-deleted notes appear, whoever asks.
 */
export async function getNotebookFeed(db: Db, notebookId: string, at: At): Promise<Feed> {
	const found = await findNotebookWithFacts(db, notebookId);
	if (!found || found.row.visibility !== 'public' || !canViewNotebook(anonymous, found.facts)) throw new NotFoundError('No such notebook');
	const { items } = await listNotebookNotes(
		db,
		anonymous,
		notebookId,
		ListNotebookNotesQuery.parse({ sort: 'included', limit: FEED_SIZE })
	);
	const authors = await listAuthorNames(
		db,
		items.map((n) => n.id)
	);
	const page = `${at.publicUrl}/${at.lang}/c/${notebookId}`;
	return {
		id: page,
		title: found.row.title,
		subtitle: found.row.description,
		link: page,
		self: `${page}/feed.${at.format}`,
		lang: at.lang === 'fr' ? 'fr-CA' : 'en',
		updated: items[0]?.includedAt ?? found.row.updatedAt,
		generator: 'Commonplace',
		entries: items.map((n) => {
			const l = licence(n.licence);
			const url = `${at.publicUrl}/${at.lang}/n/${n.id}`;
			return {
				id: url,
				title: n.title,
				link: url,
				updated: n.includedAt,
				published: n.publishedAt,
				summary: n.summary,
				authors: authors.get(n.id) ?? [],
				licence: { label: l.label, url: l.url }
			};
		})
	};
}

// The byline of notes already known to be public: display names in byline order, then the names credited without an
// account, as the note page shows them.
async function listAuthorNames(db: Db, noteIds: string[]): Promise<Map<string, string[]>> {
	const byNote = new Map<string, string[]>();
	if (!noteIds.length) return byNote;
	const [rows, external] = await Promise.all([
		db
			.select({ noteId: schema.noteAuthor.noteId, name: schema.profile.displayName })
			.from(schema.noteAuthor)
			.innerJoin(schema.profile, eq(schema.profile.accountId, schema.noteAuthor.accountId))
			.where(and(inArray(schema.noteAuthor.noteId, noteIds), eq(schema.noteAuthor.status, 'active')))
			.orderBy(asc(schema.noteAuthor.position)),
		db.select({ noteId: schema.note.id, names: schema.note.externalAuthors }).from(schema.note).where(inArray(schema.note.id, noteIds))
	]);
	for (const r of rows) byNote.set(r.noteId, [...(byNote.get(r.noteId) ?? []), r.name]);
	for (const r of external) if (r.names.length) byNote.set(r.noteId, [...(byNote.get(r.noteId) ?? []), ...r.names]);
	return byNote;
}
