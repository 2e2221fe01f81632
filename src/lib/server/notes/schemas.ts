import { z } from 'zod';
import { DEFAULT_LICENCE, LicenceId } from '../../domain/licences.ts';

export const NoteType = z.enum(['general', 'term', 'organization']).describe('general note, lexicon term, or organisation');
export const NoteVisibility = z
	.enum(['public', 'community', 'private'])
	.describe('public: everyone once published; community: active members of its community; private: its authors');

export const NoteFields = z.object({
	type: NoteType.default('general'),
	title: z.string().trim().min(1, 'title_required').max(200, 'title_too_long'),
	summary: z.string().trim().max(1000, 'summary_too_long').default(''),
	body: z.string().max(200_000, 'body_too_long').default(''),
	language: z.enum(['fr', 'en']).default('fr'),
	licence: LicenceId.default(DEFAULT_LICENCE),
	visibility: NoteVisibility.default('public'),
	communityId: z.string().min(1).max(64).nullable().default(null),
	termDefinition: z.string().trim().max(5000, 'definition_too_long').nullable().default(null),
	termSynonyms: z.array(z.string().trim().min(1).max(120)).max(50).nullable().default(null),
	orgWebsite: z.url('website_invalid').nullable().default(null),
	orgRegion: z.string().trim().max(120).nullable().default(null),
	orgSector: z.string().trim().max(120).nullable().default(null),
	orgAddress: z.string().trim().max(500).nullable().default(null),
	orgContact: z.string().trim().max(500).nullable().default(null)
});
export type NoteFields = z.infer<typeof NoteFields>;

export const CreateNoteInput = NoteFields.extend({ message: z.string().trim().max(500).default('') });
export type CreateNoteInput = z.infer<typeof CreateNoteInput>;

export const UpdateNoteInput = NoteFields.partial().extend({
	baseRevisionId: z.string().min(1).describe('The revision the edit started from; a newer one makes the save a conflict'),
	message: z.string().trim().max(500).default('')
});
export type UpdateNoteInput = z.infer<typeof UpdateNoteInput>;
