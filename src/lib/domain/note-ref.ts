/**
 * The ids a note URL segment may stand for. `/n/{id}` may carry a readable `-{slug}` suffix (DESIGN §7), but
 * ids are base64url and may contain "-" themselves: so the candidates are the whole segment and its prefixes
 * of the two id lengths in use (16 for new notes, 27 for notes imported from Praxis) followed by a hyphen.
 */
export function noteIdCandidates(segment: string): string[] {
	const candidates = [segment];
	for (const length of [16, 27]) if (segment.length > length && segment[length] === '-') candidates.push(segment.slice(0, length));
	return candidates;
}

/** The canonical path segment: the id, then the slug when there is one. */
export const noteSegment = (id: string, slug: string) => (slug ? `${id}-${slug}` : id);
