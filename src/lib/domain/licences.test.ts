import { describe, expect, it } from 'vitest';
import { DEFAULT_LICENCE, LICENCE_IDS, LicenceId, isLicenceId, licence, licences } from './licences.ts';
import fr from '../../../messages/fr.json' with { type: 'json' };
import en from '../../../messages/en.json' with { type: 'json' };

// [id, label, deed path, attribution, shareAlike, nonCommercial, noDerivatives, commercialUse, adaptations]
const table: [LicenceId, string, string, boolean, boolean, boolean, boolean, boolean, boolean][] = [
	['CC-BY-4.0', 'CC BY 4.0', 'licenses/by/4.0', true, false, false, false, true, true],
	['CC-BY-SA-4.0', 'CC BY-SA 4.0', 'licenses/by-sa/4.0', true, true, false, false, true, true],
	['CC-BY-NC-4.0', 'CC BY-NC 4.0', 'licenses/by-nc/4.0', true, false, true, false, false, true],
	['CC-BY-NC-SA-4.0', 'CC BY-NC-SA 4.0', 'licenses/by-nc-sa/4.0', true, true, true, false, false, true],
	['CC-BY-ND-4.0', 'CC BY-ND 4.0', 'licenses/by-nd/4.0', true, false, false, true, true, false],
	['CC-BY-NC-ND-4.0', 'CC BY-NC-ND 4.0', 'licenses/by-nc-nd/4.0', true, false, true, true, false, false],
	['CC0-1.0', 'CC0 1.0', 'publicdomain/zero/1.0', false, false, false, false, true, true]
];

describe('licences', () => {
	it.each(table)('%s', (id, label, path, attribution, shareAlike, nonCommercial, noDerivatives, commercial, adapt) => {
		const l = licence(id);
		expect(l).toMatchObject({ id, label, attribution, shareAlike, nonCommercial, noDerivatives });
		expect(l.commercialUse).toBe(commercial);
		expect(l.adaptations).toBe(adapt);
		expect(l.url).toBe(`https://creativecommons.org/${path}/`);
		expect(l.deedUrl).toEqual({
			fr: `https://creativecommons.org/${path}/deed.fr`,
			en: `https://creativecommons.org/${path}/deed.en`
		});
		expect(l.legalCodeUrl).toBe(`https://creativecommons.org/${path}/legalcode.en`);
	});

	it('offers exactly the seven licences of the issue, in order', () => {
		expect(licences.map((l) => l.id)).toEqual(table.map((row) => row[0]));
		expect(LICENCE_IDS).toEqual(table.map((row) => row[0]));
	});

	it('defaults to CC BY-SA 4.0', () => {
		expect(DEFAULT_LICENCE).toBe('CC-BY-SA-4.0');
		expect(licence(DEFAULT_LICENCE).label).toBe('CC BY-SA 4.0');
	});

	it.each([
		['CC-BY-NC-SA-4.0', true],
		['CC0-1.0', true],
		['cc-by-4.0', false],
		['CC-BY-3.0', false],
		['MIT', false],
		['', false],
		[undefined, false],
		[42, false]
	])('isLicenceId(%j) is %s', (value, expected) => {
		expect(isLicenceId(value)).toBe(expected);
		expect(LicenceId.safeParse(value).success).toBe(expected);
	});

	it('throws on an id that is not offered', () => {
		expect(() => licence('CC-BY-3.0' as LicenceId)).toThrow(RangeError);
	});

	it('describes its Zod schema for OpenAPI', () => {
		expect(LicenceId.description).toMatch(/SPDX/);
	});

	it.each(licences.map((l) => [l.id, l.slug] as const))('%s has a label and an explanation in fr and en', (_, slug) => {
		for (const catalogue of [fr, en] as Record<string, unknown>[]) {
			expect(catalogue[`licence_${slug}_label`]).toEqual(expect.any(String));
			expect(catalogue[`licence_${slug}_explanation`]).toEqual(expect.any(String));
		}
	});

	it('uses the slugs of the message keys', () => {
		expect(licence('CC-BY-NC-SA-4.0').slug).toBe('cc_by_nc_sa_4_0');
		expect(licence('CC0-1.0').slug).toBe('cc0_1_0');
	});
});
