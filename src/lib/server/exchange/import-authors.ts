// Who an imported note credits. The front matter's `authors` mixes handles of accounts and names of people without
// one (an imported report's authors, a workshop's facilitators); the rule that tells them apart:
// - a value with a space ("Marie Tremblay", "bell hooks") is a name: no handle has one;
// - any other value is looked up as a handle, with or without "@", case aside (as before names were kept);
// - one that matches no account is a name if it could not be a handle (capitals, accents, punctuation: "TIESS",
//   "Émilie"), but a warning if it has a handle's shape ("@marie", "marie-t"): most likely a mistyped or missing
//   account, which must not appear on a public byline as a name;
// - on a re-import, a value the note already credits by name stays a name whatever its shape, so an export of a
//   note crediting "collectif" imports back without loss.
import { HANDLE_PATTERN } from '../../domain/handles.ts';
import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { findProfileByHandle } from '../profiles/index.ts';

export interface Credits {
	/** Accounts to invite as co-authors, in the order named (the importer left out). */
	invitees: { accountId: string; handle: string }[];
	/** Names credited without an account, in the order named; undefined when the front matter has no `authors`. */
	externalAuthors: string[] | undefined;
	warnings: string[];
}

/** Resolves `authors` values, looking each handle up once per import. */
export class ImportAuthors {
	private readonly db: Db;
	private readonly viewer: Viewer;
	private readonly profiles = new Map<string, Promise<{ accountId: string; handle: string } | null>>();

	constructor(db: Db, viewer: Viewer) {
		this.db = db;
		this.viewer = viewer;
	}

	private profile(handle: string) {
		const key = handle.toLowerCase();
		let found = this.profiles.get(key);
		if (!found) {
			found = findProfileByHandle(this.db, key).then((p) => (p ? { accountId: p.accountId, handle: p.handle } : null));
			this.profiles.set(key, found);
		}
		return found;
	}

	/** The credits of one file's `authors`; `alreadyNamed` holds the names the existing note credits (a re-import). */
	async creditsOf(authors: readonly string[] | undefined, alreadyNamed: readonly string[] = []): Promise<Credits> {
		const credits: Credits = { invitees: [], externalAuthors: authors ? [] : undefined, warnings: [] };
		const me = this.viewer.kind === 'account' ? this.viewer.id : null;
		for (const raw of authors ?? []) {
			const value = raw.trim();
			if (!value) continue;
			const name = () => {
				if (!credits.externalAuthors!.includes(value)) credits.externalAuthors!.push(value);
			};
			if (alreadyNamed.includes(value) || /\s/.test(value)) {
				name();
				continue;
			}
			const bare = value.replace(/^@/, '');
			const profile = bare ? await this.profile(bare) : null;
			if (profile) {
				if (profile.accountId !== me && !credits.invitees.some((i) => i.accountId === profile.accountId)) credits.invitees.push(profile);
			} else if (value.startsWith('@') || HANDLE_PATTERN.test(value)) {
				credits.warnings.push(`author ${value}: no account has this handle`);
			} else name();
		}
		return credits;
	}
}
