import { z } from 'zod';
import { PageQuery } from '../db/cursor.ts';

// A community lives at /{lang}/g/{slug}: a slug equal to a static route under /g would never be reachable.
export const RESERVED_COMMUNITY_SLUGS: ReadonlySet<string> = new Set(['new', 'nouveau', 'nouvelle']);

export const CommunitySlug = z
	.string()
	.trim()
	.toLowerCase()
	.min(3, 'slug_too_short')
	.max(60, 'slug_too_long')
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug_invalid')
	.refine((slug) => !RESERVED_COMMUNITY_SLUGS.has(slug), 'slug_reserved')
	.describe('Part of the community URL: lower-case letters, digits and hyphens');

export const CommunityVisibility = z
	.enum(['public', 'closed', 'secret'], { error: 'visibility_required' })
	.describe('public: anyone joins; closed: anyone sees it and asks to join; secret: only members and invitees know it exists');

export const CommunityKind = z
	.enum(['thematic', 'territorial'], { error: 'community_kind_invalid' })
	.describe('thematic: gathers people around a theme; territorial: around a place, named by `region`');

/** A region as people write it (the directory's organisations use the same free text, e.g. "Montréal"). */
export const CommunityRegion = z.string().trim().max(120, 'community_region_too_long');

export const CommunityName = z.string().trim().min(3, 'name_too_short').max(120, 'name_too_long').describe('Name of the community');
export const CommunityDescription = z
	.string()
	.trim()
	.max(5000, 'description_too_long')
	.describe('What the community is about, who it is for, how to take part (plain text)');

// A blank slug means "propose one from the name": people who do not care about URLs should not have to invent one.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const CreateCommunityInput = z
	.object({
		slug: z
			.preprocess(blankToUndefined, CommunitySlug.optional())
			.describe('Part of the community URL; proposed from the name when omitted'),
		name: CommunityName,
		description: CommunityDescription.default(''),
		visibility: CommunityVisibility,
		kind: z.preprocess(blankToUndefined, CommunityKind.default('thematic')),
		region: z
			.preprocess(blankToUndefined, CommunityRegion.optional())
			.describe('Region of a territorial community (e.g. "Montréal", as the directory names regions); ignored for a thematic one')
	})
	.refine((c) => c.kind !== 'territorial' || !!c.region, { message: 'community_region_required', path: ['region'] });
export type CreateCommunityInput = z.infer<typeof CreateCommunityInput>;

/**
 * What hosts change of their community: any of these fields (the edit form sends them all). A blank or null region
 * clears it; a territorial community must keep one, which the use case checks against the saved kind and region.
 * The slug and the visibility are not changed here: links and citations depend on the first, and the second would
 * reveal or hide a community's threads and members at once. Naming either is refused (`community_not_editable`).
 */
export const UpdateCommunityInput = z
	.strictObject(
		{
			name: CommunityName.optional(),
			description: CommunityDescription.optional(),
			kind: CommunityKind.optional(),
			region: z
				.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), CommunityRegion.nullable().optional())
				.describe('Region of a territorial community; blank or null clears it (a territorial community needs one)'),
			baseVersion: z
				.string({ error: 'base_version_missing' })
				.min(1, 'base_version_missing')
				.max(40, 'base_version_missing')
				.describe('The `version` the edit started from; a later save makes this one a conflict (409)')
		},
		{ error: (issue) => (issue.code === 'unrecognized_keys' ? 'community_not_editable' : undefined) }
	)
	.meta({ id: 'UpdateCommunity', description: 'The fields to change; the slug and the visibility are not editable' });
export type UpdateCommunityInput = z.infer<typeof UpdateCommunityInput>;

export const InviteInput = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email('email_invalid')).describe('Address to invite')
});

export const MemberDecision = z.object({
	accountId: z.string().min(1).max(64),
	decision: z.enum(['approve', 'decline'])
});

export const RoleChange = z.object({
	accountId: z.string().min(1).max(64),
	role: z.enum(['host', 'member']).describe('host: manages members, requests and invitations')
});

// Query and response shapes of the JSON API (/api/v1). Presenters (present.ts) return these types and the
// OpenAPI document is generated from them, so the two cannot drift apart.

export const ListCommunitiesQuery = PageQuery.extend({
	kind: z.preprocess(blankToUndefined, CommunityKind.optional()).describe('Keep only communities of this kind'),
	region: z
		.preprocess(blankToUndefined, CommunityRegion.optional())
		.describe('Keep only communities of this region (accents and case aside)')
});
export type ListCommunitiesQuery = z.infer<typeof ListCommunitiesQuery>;

const MemberRole = z.enum(['host', 'member']).describe('host: manages members and requests; member: takes part');

export const MembershipJson = z
	.object({
		role: MemberRole,
		status: z
			.enum(['active', 'pending', 'invited'])
			.describe('active: a member; pending: asked to join a closed community; invited: may accept an invitation')
	})
	.meta({ id: 'Membership', description: "The caller's membership of a community" });
export type MembershipJson = z.infer<typeof MembershipJson>;

export const CommunityMemberJson = z.object({
	handle: z.string().describe('Public handle of the member'),
	displayName: z.string().describe('Name shown for the member'),
	role: MemberRole,
	url: z.url().describe('Profile page')
});
export type CommunityMemberJson = z.infer<typeof CommunityMemberJson>;

export const CommunitySummaryJson = z
	.object({
		slug: z.string().describe('Identifies the community in URLs'),
		name: z.string().describe('Name of the community'),
		description: z.string().describe('What the community is about (Markdown)'),
		visibility: CommunityVisibility,
		kind: CommunityKind,
		region: z.string().nullable().describe('Region of a territorial community, null otherwise'),
		memberCount: z.number().int().describe('Active members'),
		url: z.url().describe('Community page, in the language of the request'),
		apiUrl: z.url().describe('This community in the API')
	})
	.meta({ id: 'CommunitySummary', description: 'A community in a list' });
export type CommunitySummaryJson = z.infer<typeof CommunitySummaryJson>;

export const CommunityJson = CommunitySummaryJson.extend({
	createdAt: z.iso.datetime().describe('When the community was started'),
	version: z.string().describe('The current version of its name, description, kind and region: send it as `baseVersion` when you edit'),
	membership: MembershipJson.nullable().describe("The caller's own membership, null when none"),
	joinAction: z
		.enum(['join', 'request', 'accept-invitation', 'none'])
		.describe(
			'What POST …/membership would do for the caller: join a public community, ask a closed one, accept an invitation, or nothing'
		),
	canManage: z.boolean().describe('Whether the caller may manage members (active hosts and admins)'),
	members: z.array(CommunityMemberJson).optional().describe('Active members, hosts first; absent when the caller may not see them')
}).meta({ id: 'Community', description: 'A community as the caller may see it' });
export type CommunityJson = z.infer<typeof CommunityJson>;

export const CommunityPageJson = z
	.object({
		items: z.array(CommunitySummaryJson).describe('Communities the caller may know of, by name'),
		next: z.string().nullable().describe('Cursor of the next page, null on the last page')
	})
	.meta({ id: 'CommunityPage', description: 'One page of communities' });
export type CommunityPageJson = z.infer<typeof CommunityPageJson>;
