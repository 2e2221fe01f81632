// API presenter for the caller's own account (GET /api/v1/me): named fields only; the email is included
// because only the account itself ever receives this shape.
import type { MeJson } from './schemas.ts';

type PresentAt = { publicUrl: string; lang: 'fr' | 'en' };
type MeFacts = { id: string; handle: string; displayName: string; email: string; isAdmin: boolean; locale: 'fr' | 'en' };

export const presentMe = (a: MeFacts, at: PresentAt): MeJson => ({
	id: a.id,
	handle: a.handle,
	displayName: a.displayName,
	email: a.email,
	locale: a.locale,
	isAdmin: a.isAdmin,
	url: `${at.publicUrl}/${at.lang}/u/${encodeURIComponent(a.handle)}`
});
