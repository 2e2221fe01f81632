// The words of each licence, from the message catalogue. Spelled out rather than built from the slug, so a missing
// message is a type error, not an empty badge.
import type { LicenceId } from './domain/licences.ts';
import { m } from './paraglide/messages.js';

type Text = (inputs?: Record<string, never>, options?: { locale?: 'fr' | 'en' }) => string;

/** Official name ("Attribution-ShareAlike 4.0 International") and plain-language explanation, per licence. */
export const LICENCE_TEXTS: Record<LicenceId, { name: Text; explanation: Text }> = {
	'CC-BY-4.0': { name: m.licence_cc_by_4_0_label, explanation: m.licence_cc_by_4_0_explanation },
	'CC-BY-SA-4.0': { name: m.licence_cc_by_sa_4_0_label, explanation: m.licence_cc_by_sa_4_0_explanation },
	'CC-BY-NC-4.0': { name: m.licence_cc_by_nc_4_0_label, explanation: m.licence_cc_by_nc_4_0_explanation },
	'CC-BY-NC-SA-4.0': { name: m.licence_cc_by_nc_sa_4_0_label, explanation: m.licence_cc_by_nc_sa_4_0_explanation },
	'CC-BY-ND-4.0': { name: m.licence_cc_by_nd_4_0_label, explanation: m.licence_cc_by_nd_4_0_explanation },
	'CC-BY-NC-ND-4.0': { name: m.licence_cc_by_nc_nd_4_0_label, explanation: m.licence_cc_by_nc_nd_4_0_explanation },
	'CC0-1.0': { name: m.licence_cc0_1_0_label, explanation: m.licence_cc0_1_0_explanation }
};
