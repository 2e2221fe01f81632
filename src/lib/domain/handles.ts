// A handle is part of a stable URL (/u/{handle}) and of a future fediverse address (@handle@instance).
export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9_-]{1,28}[a-z0-9])$/;

// Words that would shadow a route, an instance role or a federation actor.
const RESERVED = new Set([
	'admin',
	'administrateur',
	'api',
	'ap',
	'app',
	'en',
	'fr',
	'help',
	'aide',
	'instance',
	'me',
	'moi',
	'new',
	'nouveau',
	'root',
	'settings',
	'parametres',
	'support',
	'system',
	'www',
	'well-known'
]);

export const normaliseHandle = (raw: string): string => raw.trim().replace(/^@/, '').toLowerCase();

export const isReservedHandle = (handle: string): boolean => RESERVED.has(handle);

/** A handle proposed from an email or a name: lower-case ASCII, accents dropped, 3 to 30 characters. */
export function suggestHandle(source: string): string {
	const base = source
		.split('@')[0]
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, '-')
		.replace(/^[-_]+|[-_]+$/g, '')
		.slice(0, 30)
		.replace(/[-_]+$/g, '');
	return base.length >= 3 ? base : `${base || 'membre'}-${Math.random().toString(36).slice(2, 6)}`;
}
