import { extractWikiLinks } from '../../domain/wiki-links.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { findAttachmentFacts } from '../attachments/index.ts';
import type { Db } from '../db/index.ts';
import { findLinkTargets } from './links.ts';
import { renderNoteBody } from './render/index.ts';

/**
 * A note body as this viewer sees it: wiki links resolve only to notes the viewer may see, and links to files become
 * cards only for files of notes the viewer may see (one query each), so a hidden target renders exactly like a
 * missing one. The output depends on the viewer: cache it per audience.
 */
export async function renderNoteFor(db: Db, viewer: Viewer, body: string, lang: 'fr' | 'en', origin: string) {
	const [{ byId, byTitle }, attachments] = await Promise.all([
		findLinkTargets(
			db,
			viewer,
			extractWikiLinks(body).map((l) => l.target)
		),
		findAttachmentFacts(db, viewer, body)
	]);
	return renderNoteBody(body, {
		lang,
		origin,
		attachments,
		// A link to a title no note has (or none the viewer may see) offers to write that note.
		createHref: (title) => `/${lang}/n/new?title=${encodeURIComponent(title)}`,
		resolve: (target) => {
			const found = target.kind === 'id' ? byId.get(target.id) : byTitle.get(target.title.toLowerCase());
			return found ? { href: `/${lang}/n/${found.id}`, title: found.title } : null;
		}
	});
}
