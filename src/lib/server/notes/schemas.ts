import { z } from 'zod';
import { DEFAULT_LICENCE, LicenceId } from '../../domain/licences.ts';
import { CitationFormat } from '../citations/index.ts';
import { PageQuery } from '../db/cursor.ts';

export const NoteType = z.enum(['general', 'term', 'organization']).describe('general note, lexicon term, or organisation');
export const NoteVisibility = z
	.enum(['public', 'community', 'private'])
	.describe('public: everyone once published; community: active members of its community; private: its authors');

/** How many people without an account a note may credit. */
export const MAX_EXTERNAL_AUTHORS = 20;

// Field rules without defaults: an edit sends only what changes, and a missing field must stay as it is.
const fieldRules = {
	type: NoteType,
	title: z.string().trim().min(1, 'title_required').max(200, 'title_too_long'),
	summary: z.string().trim().max(1000, 'summary_too_long'),
	body: z.string().max(200_000, 'body_too_long'),
	language: z.enum(['fr', 'en']),
	licence: LicenceId,
	visibility: NoteVisibility,
	communityId: z.string().min(1).max(64).nullable(),
	termDefinition: z.string().trim().max(5000, 'definition_too_long').nullable(),
	termSynonyms: z.array(z.string().trim().min(1).max(120)).max(50).nullable(),
	orgWebsite: z.url({ protocol: /^https?$/, error: 'website_invalid' }).nullable(),
	orgRegion: z.string().trim().max(120).nullable(),
	orgSector: z.string().trim().max(120).nullable(),
	orgAddress: z.string().trim().max(500).nullable(),
	orgContact: z.string().trim().max(500).nullable(),
	externalAuthors: z
		.array(z.string().trim().min(1, 'external_author_empty').max(200, 'external_author_too_long'))
		.max(MAX_EXTERNAL_AUTHORS, 'external_authors_too_many')
		.describe('People credited without an account, by name, in byline order after the account authors')
};

export const NoteFields = z.object({
	...fieldRules,
	type: fieldRules.type.default('general'),
	summary: fieldRules.summary.default(''),
	body: fieldRules.body.default(''),
	language: fieldRules.language.default('fr'),
	licence: fieldRules.licence.default(DEFAULT_LICENCE),
	visibility: fieldRules.visibility.default('public'),
	communityId: fieldRules.communityId.default(null),
	termDefinition: fieldRules.termDefinition.default(null),
	termSynonyms: fieldRules.termSynonyms.default(null),
	orgWebsite: fieldRules.orgWebsite.default(null),
	orgRegion: fieldRules.orgRegion.default(null),
	orgSector: fieldRules.orgSector.default(null),
	orgAddress: fieldRules.orgAddress.default(null),
	orgContact: fieldRules.orgContact.default(null),
	externalAuthors: fieldRules.externalAuthors.default([])
});
export type NoteFields = z.infer<typeof NoteFields>;

export const NoteStatus = z.enum(['draft', 'published']).describe('Drafts are seen by their authors only');

export const CreateNoteInput = NoteFields.extend({ message: z.string().trim().max(500).default('') });
export type CreateNoteInput = z.infer<typeof CreateNoteInput>;

export const UpdateNoteInput = z
	.object(fieldRules)
	.partial()
	.extend({
		baseRevisionId: z.string().min(1).describe('The revision the edit started from; a newer one makes the save a conflict'),
		message: z.string().trim().max(500).default('')
	});
export type UpdateNoteInput = z.infer<typeof UpdateNoteInput>;

// The API's writes also set the status, so a client can create and publish in one request.
export const CreateNoteRequest = CreateNoteInput.extend({ status: NoteStatus.default('draft') }).meta({
	id: 'CreateNote',
	description: 'A new note; omitted fields take their defaults (licence: the instance default, CC BY-SA 4.0)'
});
export const UpdateNoteRequest = UpdateNoteInput.extend({ status: NoteStatus.optional() }).meta({
	id: 'UpdateNote',
	description: 'The fields to change, and the revision the edit started from; omitted fields stay as they are'
});

const TYPE_FIELDS = {
	general: [],
	term: ['termDefinition', 'termSynonyms'],
	organization: ['orgWebsite', 'orgRegion', 'orgSector', 'orgAddress', 'orgContact']
} as const;
const NULLABLE_FORM_FIELDS = ['communityId', ...TYPE_FIELDS.term, ...TYPE_FIELDS.organization] as const;

/**
 * A posted note form as the write schemas expect it: an empty optional field is null, synonyms come one per
 * line (or comma-separated), other authors one per line (a name may hold a comma: "Tremblay, Jean"), and the
 * fields of the other types are dropped so a note that changed type keeps none.
 */
export function noteFromForm(form: Record<string, string>): Record<string, unknown> {
	const out: Record<string, unknown> = { ...form };
	for (const key of NULLABLE_FORM_FIELDS) if (key in out && String(out[key]).trim() === '') out[key] = null;
	if (typeof out.termSynonyms === 'string') {
		out.termSynonyms = out.termSynonyms
			.split(/[\n,;]/)
			.map((s) => s.trim())
			.filter(Boolean);
	}
	if (typeof out.externalAuthors === 'string') {
		out.externalAuthors = out.externalAuthors
			.split(/\r?\n/)
			.map((s) => s.trim())
			.filter(Boolean);
	}
	const type = form.type as keyof typeof TYPE_FIELDS | undefined;
	if (type && type in TYPE_FIELDS) {
		for (const [other, keys] of Object.entries(TYPE_FIELDS)) if (other !== type) for (const key of keys) out[key] = null;
	}
	return out;
}

export const CreateNoteForm = z.preprocess((v) => noteFromForm(v as Record<string, string>), CreateNoteInput);
export const UpdateNoteForm = z.preprocess((v) => noteFromForm(v as Record<string, string>), UpdateNoteInput);

export const ListNotesQuery = PageQuery.extend({
	q: z.string().trim().max(200).optional().describe('Keep notes whose title contains this text (accents and case aside)'),
	author: z.string().trim().max(40).optional().describe('Keep notes by this author (handle, case-insensitive)'),
	status: NoteStatus.optional().describe('Keep only drafts (yours) or only published notes')
});
export type ListNotesQuery = z.infer<typeof ListNotesQuery>;

export const NoteSummaryJson = z
	.object({
		id: z.string(),
		type: NoteType,
		title: z.string(),
		summary: z.string(),
		language: z.string(),
		visibility: NoteVisibility,
		status: NoteStatus,
		publishedAt: z.iso.datetime().nullable(),
		updatedAt: z.iso.datetime(),
		url: z.url().describe('Canonical note page')
	})
	.meta({ id: 'NoteSummary', description: 'A note in a list' });
export type NoteSummaryJson = z.infer<typeof NoteSummaryJson>;

export const NotePageJson = z
	.object({
		items: z.array(NoteSummaryJson).describe('Notes the caller may see, most recently edited first'),
		next: z.string().nullable().describe('Cursor of the next page, null on the last page')
	})
	.meta({ id: 'NotePage', description: 'One page of notes' });

export const InviteAuthorInput = z
	.object({ handle: z.string().trim().min(1, 'handle_required').max(40).describe('Handle of the person to invite, with or without @') })
	.meta({ id: 'InviteAuthor' });
export const AnswerInvitationInput = z
	.object({ accept: z.boolean().describe('true joins the byline; false declines') })
	.meta({ id: 'AnswerAuthorInvitation' });

export const NoteJson = z
	.object({
		id: z.string().describe('Short, random id (27 characters for notes imported from Praxis)'),
		type: NoteType,
		title: z.string().describe('Title'),
		summary: z.string().describe('Summary, possibly empty'),
		language: z.string().describe('Language of the content (BCP 47)'),
		licence: z
			.object({
				id: LicenceId,
				url: z.url().describe('Canonical licence URL'),
				label: z.string().describe('Short label, e.g. CC BY-NC-SA 4.0')
			})
			.describe('Creative Commons licence'),
		visibility: NoteVisibility,
		status: NoteStatus,
		authors: z.array(z.object({ handle: z.string(), name: z.string() })).describe('Authors in byline order'),
		externalAuthors: z.array(z.string()).describe('People credited without an account, by name, in byline order after `authors`'),
		community: z.object({ slug: z.string(), name: z.string() }).nullable().describe('The community the note belongs to'),
		notebooks: z
			.array(
				z.object({
					id: z.string(),
					title: z.string(),
					category: z.string().nullable().describe('The note’s category there (first category list)'),
					includedBy: z.object({ handle: z.string(), name: z.string() }).nullable(),
					includedAt: z.iso.datetime(),
					noteCount: z.number().int().describe('Notes in that notebook the caller may see')
				})
			)
			.describe('Notebooks that include the note and that the caller may see'),
		publishedAt: z.iso.datetime().nullable().describe('First publication, null for a never-published draft'),
		updatedAt: z.iso.datetime().describe('Last revision'),
		revisionId: z.string().describe('The current revision: send it as `baseRevisionId` when you edit'),
		url: z.url().describe('Canonical note page'),
		body: z.string().describe('Markdown with [[wiki links]]'),
		termDefinition: z.string().nullable().describe('Lexicon term: its definition'),
		termSynonyms: z.array(z.string()).nullable().describe('Lexicon term: other words that name it'),
		orgWebsite: z.string().nullable().describe('Organisation: website'),
		orgRegion: z.string().nullable().describe('Organisation: region'),
		orgSector: z.string().nullable().describe('Organisation: sector'),
		orgAddress: z.string().nullable().describe('Organisation: address'),
		orgContact: z.string().nullable().describe('Organisation: how to reach it')
	})
	.meta({ id: 'Note', description: 'A note as the caller may see it' });
export type NoteJson = z.infer<typeof NoteJson>;

export const RevisionJson = z
	.object({
		id: z.string(),
		number: z.number().int().describe('1 for the first save, then one more per save'),
		title: z.string(),
		message: z.string().describe('What the editor said about the change, possibly empty'),
		editor: z.object({ handle: z.string(), name: z.string() }).nullable(),
		createdAt: z.iso.datetime()
	})
	.meta({ id: 'Revision', description: 'One saved version of a note' });

export const CiteQuery = z.object({
	format: CitationFormat.default('apa'),
	lang: z.enum(['fr', 'en']).optional().describe('Language of the citation; the request language by default')
});
