// The Creative Commons licences a note may carry (issue 3). Ids are SPDX identifiers because the API, JSON-LD and
// citation exports name licences that way, and harvesters match on them. The plain-language names and explanations
// live in the message catalogue (licence_<slug>_label / licence_<slug>_explanation), not here: this module is the
// language-neutral rule, the words belong to i18n.
import { z } from 'zod';

export const LICENCE_IDS = [
	'CC-BY-4.0',
	'CC-BY-SA-4.0',
	'CC-BY-NC-4.0',
	'CC-BY-NC-SA-4.0',
	'CC-BY-ND-4.0',
	'CC-BY-NC-ND-4.0',
	'CC0-1.0'
] as const;

export const LicenceId = z
	.enum(LICENCE_IDS)
	.describe('Creative Commons licence of the note, as an SPDX identifier (CC0-1.0 is a public domain dedication)');
export type LicenceId = z.infer<typeof LicenceId>;

/** The instance default (issue 3): allows reuse, commercial included, and keeps adaptations open. */
export const DEFAULT_LICENCE: LicenceId = 'CC-BY-SA-4.0';

export type LicenceLang = 'fr' | 'en';

export type Licence = {
	id: LicenceId;
	/** Short label as Creative Commons writes it, the same in every language: "CC BY-NC-SA 4.0". */
	label: string;
	/** snake_case form of the id, the middle of the message keys: licence_cc_by_nc_sa_4_0_explanation. */
	slug: string;
	/** Canonical, language-neutral URL: the one for JSON-LD `license`, `DC.rights` and the API. */
	url: string;
	/** The human-readable summary (deed) in the reader's language: Creative Commons publishes each in fr and en. */
	deedUrl: Record<LicenceLang, string>;
	/**
	 * The legal code, in English: the authoritative text, and not every licence here has an official French
	 * translation of its legal code (the deeds, which readers see first, are translated).
	 */
	legalCodeUrl: string;
	/** Reuse conditions. CC0 has none: it waives rights rather than licensing them. */
	attribution: boolean;
	shareAlike: boolean;
	nonCommercial: boolean;
	noDerivatives: boolean;
	/** May others use it commercially? */
	commercialUse: boolean;
	/** May others share adapted versions? (ND still allows private adaptations, not sharing them.) */
	adaptations: boolean;
};

type Conditions = Pick<Licence, 'shareAlike' | 'nonCommercial' | 'noDerivatives'>;

const urls = (url: string) => ({
	url,
	deedUrl: { fr: `${url}deed.fr`, en: `${url}deed.en` },
	legalCodeUrl: `${url}legalcode.en`
});

function ccLicence(id: LicenceId, code: string, c: Conditions): Licence {
	return {
		id,
		label: `CC ${code.toUpperCase()} 4.0`,
		slug: slugOf(id),
		...urls(`https://creativecommons.org/licenses/${code}/4.0/`),
		attribution: true,
		...c,
		commercialUse: !c.nonCommercial,
		adaptations: !c.noDerivatives
	};
}

const slugOf = (id: LicenceId) => id.toLowerCase().replace(/[-.]/g, '_');

const no = { shareAlike: false, nonCommercial: false, noDerivatives: false };

const LICENCES: Record<LicenceId, Licence> = {
	'CC-BY-4.0': ccLicence('CC-BY-4.0', 'by', no),
	'CC-BY-SA-4.0': ccLicence('CC-BY-SA-4.0', 'by-sa', { ...no, shareAlike: true }),
	'CC-BY-NC-4.0': ccLicence('CC-BY-NC-4.0', 'by-nc', { ...no, nonCommercial: true }),
	'CC-BY-NC-SA-4.0': ccLicence('CC-BY-NC-SA-4.0', 'by-nc-sa', { ...no, nonCommercial: true, shareAlike: true }),
	'CC-BY-ND-4.0': ccLicence('CC-BY-ND-4.0', 'by-nd', { ...no, noDerivatives: true }),
	'CC-BY-NC-ND-4.0': ccLicence('CC-BY-NC-ND-4.0', 'by-nc-nd', { ...no, nonCommercial: true, noDerivatives: true }),
	'CC0-1.0': {
		id: 'CC0-1.0',
		label: 'CC0 1.0',
		slug: slugOf('CC0-1.0'),
		...urls('https://creativecommons.org/publicdomain/zero/1.0/'),
		...no,
		attribution: false,
		commercialUse: true,
		adaptations: true
	}
};

/** Every offered licence, in the order the licence picker lists them: the CC 4.0 family, then CC0. */
export const licences: readonly Licence[] = LICENCE_IDS.map((id) => LICENCES[id]);

export const isLicenceId = (value: unknown): value is LicenceId =>
	typeof value === 'string' && (LICENCE_IDS as readonly string[]).includes(value);

/** The licence with this id; throws on an unknown id, which only a bug or a bad migration can produce. */
export function licence(id: LicenceId): Licence {
	const found = isLicenceId(id) ? LICENCES[id] : undefined;
	if (!found) throw new RangeError(`Unknown licence ${String(id)}`);
	return found;
}
