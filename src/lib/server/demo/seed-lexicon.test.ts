import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { anonymous } from '../../domain/viewer.ts';
import { DirectoryQuery, listDirectory, listDirectoryFacets, listGlossary } from '../glossary/index.ts';
import { DEMO_ORGANIZATIONS, DEMO_TERMS, seedLexicon } from './seed-lexicon.ts';

const t = useTestContext();

describe('demo glossary and directory', () => {
	it('publishes the terms and organisations, so both pages have something to show', async () => {
		const author = await makeAccount(t.ctx);
		expect(await seedLexicon(t.ctx, await author.viewer())).toBe(DEMO_TERMS.length + DEMO_ORGANIZATIONS.length);
		const glossary = await listGlossary(t.ctx.db, anonymous, {});
		expect(glossary.items.map((i) => [i.letter, i.title])).toEqual([
			['C', 'Communs'],
			['E', 'Économie sociale'],
			['P', 'Praxithon'],
			['T', 'Tiers-lieu']
		]);
		expect(glossary.items.every((i) => i.definition && i.synonyms.length)).toBe(true);
		const directory = await listDirectory(t.ctx.db, anonymous, DirectoryQuery.parse({}));
		expect(directory.total).toBe(DEMO_ORGANIZATIONS.length);
		expect(directory.items.every((o) => o.region && o.sector && o.website?.startsWith('https://'))).toBe(true);
		expect((await listDirectoryFacets(t.ctx.db, anonymous)).regions.map((r) => r.value)).toEqual([
			'Bas-Saint-Laurent',
			'Capitale-Nationale',
			'Montréal'
		]);
	});
});
