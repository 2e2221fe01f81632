import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ValidationError } from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createCommunity, getCommunity, inviteByEmail } from './index.ts';
import { listCommunitiesPage } from './list-communities-page.ts';
import { presentCommunity, presentCommunityPage } from './present.ts';
import { CommunityJson, CommunityPageJson, ListCommunitiesQuery } from './schemas.ts';

const t = useTestContext();
const at = { publicUrl: 'https://commons.example', lang: 'fr' as const };

async function allSlugs(viewer: Viewer, limit: number) {
	const slugs: string[] = [];
	let cursor: string | undefined;
	for (let pages = 0; pages < 50; pages++) {
		const page = await listCommunitiesPage(t.ctx.db, viewer, ListCommunitiesQuery.parse({ cursor, limit: String(limit) }));
		expect(page.items.length).toBeLessThanOrEqual(limit);
		slugs.push(...page.items.map((c) => c.slug));
		if (!page.next) return slugs;
		cursor = page.next;
	}
	throw new Error('pagination did not end');
}

describe('listCommunitiesPage', () => {
	it('walks every visible community once, page by page, and hides secret ones from outsiders', async () => {
		const host = await makeAccount(t.ctx);
		const invitee = await makeAccount(t.ctx);
		// Two communities share a name: the id breaks the tie, so neither is skipped nor repeated at a page edge.
		const specs = [
			['alpha-one', 'Alpha', 'public'],
			['alpha-two', 'Alpha', 'closed'],
			['beta-one', 'Beta', 'public'],
			['gamma-secret', 'Gamma', 'secret'],
			['delta-one', 'Delta', 'closed']
		] as const;
		for (const [slug, name, visibility] of specs) {
			await createCommunity(t.ctx.db, await host.viewer(), { slug, name, description: '', visibility });
		}
		await inviteByEmail(t.ctx, await host.viewer(), 'gamma-secret', invitee.email, 'fr');

		const everyone = ['alpha-one', 'alpha-two', 'beta-one', 'delta-one'];
		for (const limit of [1, 2, 3, 100]) {
			const anon = await allSlugs(anonymous, limit);
			expect(new Set(anon).size, `limit ${limit}`).toBe(anon.length);
			expect([...anon].sort()).toEqual(everyone);
			const hosted = await allSlugs(await host.viewer(), limit);
			expect([...hosted].sort()).toEqual([...everyone, 'gamma-secret'].sort());
		}
		expect(await allSlugs(await invitee.viewer(), 2)).toContain('gamma-secret');
		expect(await allSlugs(await (await makeAccount(t.ctx)).viewer(), 2)).not.toContain('gamma-secret');
	});

	it('ends with a null cursor and refuses one it did not issue', async () => {
		const last = await listCommunitiesPage(t.ctx.db, anonymous, ListCommunitiesQuery.parse({ limit: '100' }));
		expect(last.next).toBeNull();
		for (const cursor of ['not-a-cursor', Buffer.from('{"a":1}').toString('base64url')]) {
			await expect(listCommunitiesPage(t.ctx.db, anonymous, { cursor, limit: 10 })).rejects.toThrow(ValidationError);
		}
	});

	it('is described by the response schemas the OpenAPI document publishes', async () => {
		const host = await makeAccount(t.ctx);
		await createCommunity(t.ctx.db, await host.viewer(), {
			slug: 'schema-check',
			name: 'Schema check',
			description: 'x',
			visibility: 'closed'
		});
		const page = presentCommunityPage(await listCommunitiesPage(t.ctx.db, anonymous, { limit: 2 }), at);
		expect(() => CommunityPageJson.parse(page)).not.toThrow();
		expect(page.items[0].url).toMatch(/^https:\/\/commons\.example\/fr\/g\//);

		const outsiderView = presentCommunity(await getCommunity(t.ctx.db, anonymous, 'schema-check'), at);
		expect(CommunityJson.parse(outsiderView).members).toBeUndefined();
		expect('members' in outsiderView).toBe(false);
		const hostView = presentCommunity(await getCommunity(t.ctx.db, await host.viewer(), 'schema-check'), at);
		expect(CommunityJson.parse(hostView).members?.map((m) => m.handle)).toEqual([host.handle]);
	});
});
