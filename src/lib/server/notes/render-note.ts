import { extractWikiLinks } from '../../domain/wiki-links.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { findLinkTargets } from './links.ts';
import { renderNoteBody } from './render/index.ts';

/**
 * A note body as this viewer sees it: wiki links resolve only to notes the viewer may see (one query), so a
 * hidden target renders exactly like a missing one. The output depends on the viewer: cache it per audience.
 */
export async function renderNoteFor(db: Db, viewer: Viewer, body: string, lang: 'fr' | 'en', origin: string) {
	const { byId, byTitle } = await findLinkTargets(
		db,
		viewer,
		extractWikiLinks(body).map((l) => l.target)
	);
	return renderNoteBody(body, {
		lang,
		origin,
		resolve: (target) => {
			const found = target.kind === 'id' ? byId.get(target.id) : byTitle.get(target.title.toLowerCase());
			return found ? { href: `/${lang}/n/${found.id}`, title: found.title } : null;
		}
	});
}
