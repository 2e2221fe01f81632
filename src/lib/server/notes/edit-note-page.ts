import { ForbiddenError } from '../../domain/errors.ts';
import { diffText } from '../../domain/diff.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { listOwnCommunities } from '../communities/index.ts';
import type { Db } from '../db/index.ts';
import { listAuthorsAndInvitees } from './authors.ts';
import { getNote } from './get-note.ts';
import { findRevision } from './queries.ts';

/** A note's fields as the edit form shows them: strings, synonyms and other authors one per line. */
export function noteFormValues(note: Awaited<ReturnType<typeof getNote>>['note']): Record<string, string> {
	return {
		type: note.type,
		title: note.title,
		summary: note.summary,
		body: note.body,
		language: note.language,
		licence: note.licence,
		visibility: note.visibility,
		communityId: note.communityId ?? '',
		termDefinition: note.termDefinition ?? '',
		termSynonyms: (note.termSynonyms ?? []).join('\n'),
		orgWebsite: note.orgWebsite ?? '',
		orgRegion: note.orgRegion ?? '',
		orgSector: note.orgSector ?? '',
		orgAddress: note.orgAddress ?? '',
		orgContact: note.orgContact ?? '',
		externalAuthors: note.externalAuthors.join('\n')
	};
}

/** What the edit page needs: the note as a form, its authors and invitees, and where it may be attached. Authors only. */
export async function getEditNotePage(db: Db, viewer: Viewer, id: string) {
	const view = await getNote(db, viewer, id);
	if (!view.canEdit) throw new ForbiddenError('Only authors edit a note');
	const [authors, own] = await Promise.all([listAuthorsAndInvitees(db, id), listOwnCommunities(db, viewer)]);
	// An admin editing keeps the note's community even without being a member of it.
	const communities =
		view.community && !own.some((c) => c.id === view.community!.id) ? [...own, { id: view.community.id, name: view.community.name }] : own;
	return {
		note: { id, title: view.note.title, status: view.note.status, revisionId: view.note.currentRevisionId ?? '' },
		values: noteFormValues(view.note),
		authors,
		communities
	};
}

/**
 * Someone saved while this person was editing: their version, who saved it and when, and how the person's text
 * differs from it, so they can merge by hand; nothing of either is lost.
 */
export async function describeEditConflict(db: Db, viewer: Viewer, id: string, mine: { title: string; summary: string; body: string }) {
	const { note } = await getNote(db, viewer, id);
	const [revision, authors] = await Promise.all([
		note.currentRevisionId ? findRevision(db, id, note.currentRevisionId) : undefined,
		listAuthorsAndInvitees(db, id)
	]);
	const editor = authors.find((a) => a.accountId === revision?.editorId);
	return {
		revisionId: note.currentRevisionId ?? '',
		number: revision?.number ?? 0,
		editorName: editor?.displayName ?? null,
		savedAt: revision?.createdAt ?? note.updatedAt,
		title: note.title,
		summary: note.summary,
		body: note.body,
		diff: diffText(note.body, mine.body),
		titleChanged: note.title !== mine.title,
		summaryChanged: note.summary !== mine.summary
	};
}
