import type { SearchKind } from './schemas.ts';

/** The page of a result, after the language prefix (DESIGN §7). */
export function kindPath(kind: SearchKind, id: string): string {
	const segment = encodeURIComponent(id);
	if (kind === 'note') return `/n/${segment}`;
	if (kind === 'notebook') return `/c/${segment}`;
	if (kind === 'community') return `/g/${segment}`;
	// A message's link leads to it in its thread, in a community where the reader may read it.
	if (kind === 'message') return `/m/${segment}`;
	return `/u/${segment}`;
}
