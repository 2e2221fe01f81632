import { z } from 'zod';

export const CommunitySlug = z
	.string()
	.trim()
	.toLowerCase()
	.min(3, 'slug_too_short')
	.max(60, 'slug_too_long')
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug_invalid')
	.describe('Part of the community URL: lower-case letters, digits and hyphens');

export const CommunityVisibility = z
	.enum(['public', 'closed', 'secret'])
	.describe('public: anyone joins; closed: anyone sees it and asks to join; secret: only members and invitees know it exists');

export const CreateCommunityInput = z.object({
	slug: CommunitySlug,
	name: z.string().trim().min(3, 'name_too_short').max(120, 'name_too_long'),
	description: z.string().trim().max(5000, 'description_too_long').default(''),
	visibility: CommunityVisibility
});
export type CreateCommunityInput = z.infer<typeof CreateCommunityInput>;

export const InviteInput = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email('email_invalid')).describe('Address to invite')
});

export const MemberDecision = z.object({
	accountId: z.string().min(1).max(64),
	decision: z.enum(['approve', 'decline'])
});
