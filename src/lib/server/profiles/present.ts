// API presenter for profiles (the HTML page has its own in present-profile.ts): only public fields, each
// named, so a new column stays private by default; input comes from getProfile, already visibility-filtered.
import type { ProfileView } from './get-profile.ts';
import { avatarUrl } from './present-profile.ts';
import type { ProfileJson } from './schemas.ts';

type PresentAt = { publicUrl: string; lang: 'fr' | 'en' };

export function presentProfileJson(view: ProfileView, at: PresentAt): ProfileJson {
	const p = view.profile;
	const avatar = avatarUrl(p.avatarKey);
	return {
		handle: p.handle,
		displayName: p.displayName,
		pronouns: p.pronouns,
		organisation: p.organisation,
		bio: p.bio,
		avatarUrl: avatar ? `${at.publicUrl}${avatar}` : null,
		url: `${at.publicUrl}/${at.lang}/u/${encodeURIComponent(p.handle)}`,
		communities: view.communities.map((c) => ({
			slug: c.slug,
			name: c.name,
			role: c.role,
			apiUrl: `${at.publicUrl}/api/v1/communities/${encodeURIComponent(c.slug)}`
		}))
	};
}
