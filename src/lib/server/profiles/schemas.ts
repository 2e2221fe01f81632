import { z } from 'zod';
import { DisplayName, Handle, Locale } from '../accounts/schemas.ts';

// Messages are catalogue keys (form_error_<code>), as in accounts/schemas.ts.

/** Plain text, never HTML: pages show it with its line breaks and nothing else. */
export const Bio = z
	.string()
	// Browsers post textarea line breaks as CRLF: count what the person sees, not the wire form.
	.transform((s) => s.replace(/\r\n?/g, '\n').trim())
	.pipe(z.string().max(2000, 'bio_too_long'))
	.describe('A few words about oneself, plain text, at most 2,000 characters');

export const Pronouns = z.string().trim().max(40, 'pronouns_too_long').describe('Pronouns, e.g. "elle", "iel / they"');

export const Organisation = z.string().trim().max(120, 'organisation_too_long').describe('Organisation one works with');

const fields = {
	handle: Handle,
	displayName: DisplayName.describe('Name shown beside notes and messages'),
	pronouns: Pronouns,
	organisation: Organisation,
	bio: Bio,
	locale: Locale
};

/** The whole profile, as the settings form posts it; empty optional fields may be left out. */
export const ProfileInput = z.object({
	...fields,
	pronouns: Pronouns.default(''),
	organisation: Organisation.default(''),
	bio: Bio.default('')
});
export type ProfileInput = z.infer<typeof ProfileInput>;

/** Any subset of the profile; what is absent stays as it is (the API's PATCH). No defaults here, on purpose. */
export const ProfilePatch = z.object(fields).partial();
export type ProfilePatch = z.infer<typeof ProfilePatch>;

/** Avatars: a few common image formats, recognised from their bytes, at most 5 MB before normalisation. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

/** A profile as anyone may see it (GET /api/v1/profiles/{handle}); email and locale are never part of it. */
export const ProfileJson = z
	.object({
		handle: z.string().describe('Public handle, unique regardless of case'),
		displayName: z.string().describe('Name shown to others'),
		pronouns: z.string().describe('Pronouns, empty when not given'),
		organisation: z.string().describe('Organisation, empty when not given'),
		bio: z.string().describe('A few words about the person (plain text with line breaks, never HTML), empty when not given'),
		avatarUrl: z.url().nullable().describe('Avatar image (256×256 WebP), null when none'),
		url: z.url().describe('Profile page, in the language of the request'),
		communities: z
			.array(
				z.object({
					slug: z.string().describe('Community slug'),
					name: z.string().describe('Community name'),
					role: z.enum(['host', 'member']).describe('Role of the person there'),
					apiUrl: z.url().describe('The community in the API')
				})
			)
			.describe('Communities the person is an active member of, limited to those whose members the caller may know')
	})
	.meta({ id: 'Profile', description: 'A public profile' });
export type ProfileJson = z.infer<typeof ProfileJson>;
