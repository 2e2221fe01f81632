import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { anonymous } from '../../domain/viewer.ts';
import { createCommunity, CreateCommunityInput, getCommunity, listCommunitiesWithFacets } from './index.ts';
import { listCommunitiesPage } from './list-communities-page.ts';
import { presentCommunity } from './present.ts';
import { ListCommunitiesQuery } from './schemas.ts';

const t = useTestContext();
const k = Math.random().toString(36).slice(2, 7);
const make = async (viewer: Awaited<ReturnType<Awaited<ReturnType<typeof makeAccount>>['viewer']>>, fields: Record<string, string>) =>
	createCommunity(t.ctx.db, viewer, CreateCommunityInput.parse({ name: `Communauté ${fields.slug}`, visibility: 'public', ...fields }));

describe('community kind and region', () => {
	it('defaults to thematic, keeps a region only for territorial communities, and demands one there', async () => {
		const host = await makeAccount(t.ctx);
		const v = await host.viewer();
		await make(v, { slug: `theme-${k}`, region: 'Montréal' });
		const theme = await getCommunity(t.ctx.db, v, `theme-${k}`);
		expect([theme.community.kind, theme.community.region]).toEqual(['thematic', null]);
		await make(v, { slug: `terr-${k}`, kind: 'territorial', region: ' Bas-Saint-Laurent ' });
		const json = presentCommunity(await getCommunity(t.ctx.db, anonymous, `terr-${k}`), { publicUrl: 'https://x.example', lang: 'fr' });
		expect([json.kind, json.region]).toEqual(['territorial', 'Bas-Saint-Laurent']);
		const refused = CreateCommunityInput.safeParse({ name: 'Sans région', visibility: 'public', kind: 'territorial', region: ' ' });
		expect(refused.success).toBe(false);
		expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['region', 'community_region_required']]);
		expect(CreateCommunityInput.safeParse({ name: 'Autre', visibility: 'public', kind: 'planetary' }).success).toBe(false);
	});

	it('filters by kind and region (accents and case aside), and counts only the communities the viewer may see', async () => {
		const host = await makeAccount(t.ctx);
		const v = await host.viewer();
		const region = `Gaspésie ${k}`;
		await make(v, { slug: `gasp-a-${k}`, kind: 'territorial', region });
		await make(v, { slug: `gasp-b-${k}`, kind: 'territorial', region: `gaspesie ${k}`.toUpperCase(), visibility: 'closed' });
		await make(v, { slug: `gasp-secret-${k}`, kind: 'territorial', region: `Région secrète ${k}`, visibility: 'secret' });
		const slugs = async (viewer: typeof v | typeof anonymous, q: Record<string, string>) =>
			(await listCommunitiesPage(t.ctx.db, viewer, ListCommunitiesQuery.parse({ limit: '100', ...q }))).items.map((c) => c.slug).sort();
		expect(await slugs(anonymous, { region: `gaspesie ${k}` })).toEqual([`gasp-a-${k}`, `gasp-b-${k}`]);
		expect(await slugs(anonymous, { kind: 'thematic', region: `gaspesie ${k}` })).toEqual([]);
		expect(await slugs(anonymous, { region: `Région secrète ${k}` })).toEqual([]);
		expect(await slugs(v, { region: `region secrete ${k}` })).toEqual([`gasp-secret-${k}`]);
		const outsider = await listCommunitiesWithFacets(t.ctx.db, anonymous, { kind: 'territorial' });
		expect(outsider.items.every((c) => c.kind === 'territorial')).toBe(true);
		// One choice for both spellings (which one stands for them is the most used, here a tie).
		expect(outsider.facets.regions.filter((r) => /^gasp/i.test(r.value) && r.value.toLowerCase().endsWith(k))).toEqual([
			{ value: expect.any(String), count: 2 }
		]);
		expect(outsider.facets.regions.some((r) => r.value === `Région secrète ${k}`)).toBe(false);
		const member = await listCommunitiesWithFacets(t.ctx.db, v, { region: `région secrète ${k}` });
		expect(member.items.map((c) => c.slug)).toEqual([`gasp-secret-${k}`]);
		expect(member.facets.regions.some((r) => r.value === `Région secrète ${k}`)).toBe(true);
		expect(member.facets.kinds.territorial).toBe(outsider.facets.kinds.territorial + 1);
	});
});
