import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { SuggestQuery as SuggestQuerySchema, type SearchPlace, type SuggestQuery, type SuggestResult } from './schemas.ts';
import { suggestTitles } from './similar-titles.ts';
import { kindPath } from './urls.ts';

/**
 * Suggestions as someone types in a search box: titles of notes, notebooks, communities and people this viewer may
 * see that start with, contain or look like the text. Anyone may call it; ValidationError for a query that does not parse.
 */
export async function suggestSearch(db: Db, viewer: Viewer, query: SuggestQuery, place: SearchPlace = {}): Promise<SuggestResult> {
	const q = SuggestQuerySchema.parse(query);
	const found = await suggestTitles(db, viewer, q.q, q.limit);
	return {
		items: found.map((s) => ({
			id: s.id,
			kind: s.kind,
			title: s.title,
			url: `${place.publicUrl ?? ''}/${place.lang ?? 'fr'}${kindPath(s.kind, s.id)}`
		}))
	};
}
