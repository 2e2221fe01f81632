import { z } from 'zod';
import { DEFAULT_LICENCE, LicenceId } from '../../domain/licences.ts';
import { CitationFormat } from '../citations/index.ts';

export const NoteType = z.enum(['general', 'term', 'organization']).describe('general note, lexicon term, or organisation');
export const NoteVisibility = z
	.enum(['public', 'community', 'private'])
	.describe('public: everyone once published; community: active members of its community; private: its authors');

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
	orgWebsite: z.url('website_invalid').nullable(),
	orgRegion: z.string().trim().max(120).nullable(),
	orgSector: z.string().trim().max(120).nullable(),
	orgAddress: z.string().trim().max(500).nullable(),
	orgContact: z.string().trim().max(500).nullable()
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
	orgContact: fieldRules.orgContact.default(null)
});
export type NoteFields = z.infer<typeof NoteFields>;

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
		status: z.enum(['draft', 'published']).describe('Drafts are seen by their authors only'),
		authors: z.array(z.object({ handle: z.string(), name: z.string() })).describe('Authors in byline order'),
		community: z.object({ slug: z.string(), name: z.string() }).nullable().describe('The community the note belongs to'),
		notebooks: z
			.array(z.object({ id: z.string(), title: z.string() }))
			.describe('Notebooks that include the note and that the caller may see'),
		publishedAt: z.iso.datetime().nullable().describe('First publication, null for a never-published draft'),
		updatedAt: z.iso.datetime().describe('Last revision'),
		url: z.url().describe('Canonical note page'),
		body: z.string().describe('Markdown with [[wiki links]]')
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
