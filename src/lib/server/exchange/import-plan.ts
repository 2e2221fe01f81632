import { newId } from '../../domain/ids.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { canEditNote } from '../../domain/visibility.ts';
import { findCommunityBySlug } from '../communities/index.ts';
import type { Db } from '../db/index.ts';
import { findNotesWithFacts } from '../notes/index.ts';
import type { ParsedFile, SkippedFile } from './parse-markdown-file.ts';

/** A file planned as a note: its id, and what the note of that id is today when it exists. */
export interface Planned extends ParsedFile {
	id: string;
	existing: {
		revisionId: string;
		status: 'draft' | 'published';
		visibility: string;
		communityId: string | null;
		externalAuthors: string[];
	} | null;
	communityId: string | null;
}

/**
 * Ids, existing notes and communities: what must hold before anything is written. A file whose id is taken by a
 * note the viewer may not edit (or a deleted one), repeats an id or names an unknown community is skipped.
 */
export async function planImport(db: Db, viewer: Viewer, parsed: ParsedFile[], skipped: SkippedFile[]): Promise<Planned[]> {
	const seen = new Set<string>();
	const communities = new Map<string, string | null>();
	const out: Planned[] = [];
	const given = [...new Set(parsed.flatMap((p) => (p.meta.id ? [p.meta.id] : [])))];
	const existingNotes: Awaited<ReturnType<typeof findNotesWithFacts>> = new Map();
	for (let i = 0; i < given.length; i += 1000)
		for (const [id, found] of await findNotesWithFacts(db, given.slice(i, i + 1000))) existingNotes.set(id, found);
	for (const p of parsed) {
		const id = p.meta.id ?? newId();
		if (seen.has(id)) {
			skipped.push({ file: p.file, code: 'duplicate_id', detail: id });
			continue;
		}
		let existing: Planned['existing'] = null;
		const found = p.meta.id ? existingNotes.get(id) : undefined;
		if (found) {
			// Someone else's note keeps its id: an import never overwrites what the viewer may not edit.
			if (found.facts.deleted || !canEditNote(viewer, found.facts)) {
				skipped.push({ file: p.file, code: 'id_taken', detail: id });
				continue;
			}
			const { row } = found;
			existing = {
				revisionId: row.currentRevisionId ?? '',
				status: row.status,
				visibility: row.visibility,
				communityId: row.communityId,
				externalAuthors: row.externalAuthors
			};
		}
		let communityId: string | null = null;
		if (p.meta.community) {
			const slug = p.meta.community.toLowerCase();
			if (!communities.has(slug)) communities.set(slug, (await findCommunityBySlug(db, slug))?.id ?? null);
			communityId = communities.get(slug) ?? null;
			if (!communityId) {
				skipped.push({ file: p.file, code: 'community_unknown', detail: p.meta.community });
				continue;
			}
		}
		seen.add(id);
		out.push({ ...p, id, existing, communityId });
	}
	return out;
}
