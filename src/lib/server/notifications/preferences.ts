import { DEFAULT_EMAIL_FREQUENCY, type EmailFrequency } from '../../domain/notifications.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { listOwnCommunities } from '../communities/index.ts';
import type { Db } from '../db/index.ts';
import { findPreferences, isPersonalMailOff, setPersonalMailOff, upsertPreference } from './queries.ts';
import type { PreferencesForm } from './schemas.ts';

type Account = Extract<Viewer, { kind: 'account' }>;

export type NotificationSettings = {
	communities: { id: string; name: string; email: EmailFrequency; chosen: boolean }[];
	/** Direct messages and co-author invitations mailed at once (ADR 10). */
	personal: boolean;
};

/** The viewer's email choices: one per community where they are an active member (the default where unset). */
export async function getNotificationSettings(db: Db, viewer: Account): Promise<NotificationSettings> {
	const [communities, prefs, personalOff] = [
		await listOwnCommunities(db, viewer),
		await findPreferences(db, viewer.id),
		await isPersonalMailOff(db, viewer.id)
	];
	return {
		communities: communities.map((c) => ({
			id: c.id,
			name: c.name,
			email: prefs.get(c.id) ?? DEFAULT_EMAIL_FREQUENCY,
			chosen: prefs.has(c.id)
		})),
		personal: !personalOff
	};
}

/** Saves the settings form; communities the viewer is not an active member of are ignored. */
export async function saveNotificationSettings(db: Db, viewer: Account, form: PreferencesForm): Promise<void> {
	await db.transaction(async (tx) => {
		for (const [communityId, email] of Object.entries(form.communities))
			if (viewer.activeCommunityIds.has(communityId)) await upsertPreference(tx, viewer.id, communityId, email);
		await setPersonalMailOff(tx, viewer.id, !form.personal);
	});
}
