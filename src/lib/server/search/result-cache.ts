import type { Viewer } from '../../domain/viewer.ts';
import type { Database } from '../db/client.ts';
import { PAGES_CHANNEL } from '../page-cache/index.ts';
import type { SearchResult } from './schemas.ts';

// Answers already given, per query, filters, page and what the viewer may see (ADR 8). A common word costs a
// microsecond per match to count on every search; people search the same words again and again between two writes.
// Any write empties it: the same database notification that empties the page cache (ADR 5), sent after each commit
// by every table search reads. It is off until armed by watchSearchCache, so a process that does not listen (tests,
// scripts, `vite dev`) never answers from it. State lives on globalThis: server.ts and the bundled app share it.

/** Answers kept, least recently used dropped first (about 10 kB each). */
const MAX_ENTRIES = 500;

type State = { armed: number; generation: number; entries: Map<string, SearchResult> };
const KEY = Symbol.for('commonplace.search-cache');
const state = (): State => ((globalThis as { [KEY]?: State })[KEY] ??= { armed: 0, generation: 0, entries: new Map() });

/** Empties the cache; searches that began before it do not fill it (their snapshot may predate the change). */
export function clearSearchCache(): void {
	const s = state();
	s.generation++;
	s.entries.clear();
}

/** Arms the cache for as long as this database's change notifications are heard; returns the function that stops. */
export async function watchSearchCache(database: Pick<Database, 'listen'>): Promise<() => Promise<void>> {
	const stopListening = await database.listen(PAGES_CHANNEL, clearSearchCache);
	const s = state();
	s.armed++;
	clearSearchCache();
	return async () => {
		s.armed--;
		clearSearchCache();
		await stopListening();
	};
}

/** What decides what a viewer may see: anonymous readers share one class; an account is its own (its notes). */
export const visibilityClass = (viewer: Viewer): string =>
	viewer.kind === 'anonymous' ? 'anonymous' : `${viewer.id}:${viewer.isAdmin ? 'admin' : [...viewer.activeCommunityIds].sort().join(',')}`;

/** The cached answer for `key`, or `compute`'s, kept if no change happened meanwhile. */
export async function cachedSearch(key: string, compute: () => Promise<SearchResult>): Promise<SearchResult> {
	const s = state();
	if (!s.armed) return compute();
	const hit = s.entries.get(key);
	if (hit) {
		s.entries.delete(key);
		s.entries.set(key, hit);
		// A copy: no caller may change what the next one gets.
		return structuredClone(hit);
	}
	const generation = s.generation;
	const result = await compute();
	if (s.armed && generation === s.generation) {
		s.entries.set(key, structuredClone(result));
		if (s.entries.size > MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value!);
	}
	return result;
}
