import type { ProfileView } from './get-profile.ts';

/** The one URL shape for avatars, served by routes/avatars/[key]; a new key per picture (cache forever). */
export const avatarUrl = (key: string | null): string | null => (key ? `/avatars/${key}.webp` : null);

export type ProfilePage = ReturnType<typeof presentProfile>;

/** What the profile page shows; names every field, so nothing private (email, locale) slips out. */
export const presentProfile = (view: ProfileView, lang: 'fr' | 'en') => ({
	handle: view.profile.handle,
	displayName: view.profile.displayName,
	pronouns: view.profile.pronouns,
	organisation: view.profile.organisation,
	bio: view.profile.bio,
	avatarUrl: avatarUrl(view.profile.avatarKey),
	isOwn: view.isOwn,
	communities: view.communities.map((c) => ({ name: c.name, role: c.role, url: `/${lang}/g/${c.slug}` }))
});
