import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { anonymous } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';
import { createCommunity, getCommunity, getCommunityForEdit, updateCommunity, UpdateCommunityInput } from './index.ts';

const t = useTestContext();
const k = () => Math.random().toString(36).slice(2, 8);

async function community(visibility: 'public' | 'closed' | 'secret') {
	const host = await makeAccount(t.ctx);
	const slug = `edit-${visibility}-${k()}`;
	await createCommunity(t.ctx.db, await host.viewer(), { slug, name: `Communauté ${slug}`, description: 'Avant', visibility });
	const { community: row } = await getCommunity(t.ctx.db, await host.viewer(), slug);
	return { slug, id: row.id, host };
}

const edit = (input: Record<string, unknown>) => UpdateCommunityInput.parse(input);

describe('editing a community', () => {
	it('lets its hosts change name, description, kind and region, keeping what is not sent', async () => {
		const c = await community('closed');
		const host = await c.host.viewer();
		await updateCommunity(t.ctx.db, host, c.slug.toUpperCase(), edit({ name: 'Nouveau nom', description: 'Après' }));
		let saved = (await getCommunity(t.ctx.db, host, c.slug)).community;
		expect([saved.name, saved.description, saved.kind, saved.region, saved.slug, saved.visibility]).toEqual([
			'Nouveau nom',
			'Après',
			'thematic',
			null,
			c.slug,
			'closed'
		]);
		await updateCommunity(t.ctx.db, host, c.slug, edit({ kind: 'territorial', region: ' Estrie ' }));
		saved = (await getCommunity(t.ctx.db, host, c.slug)).community;
		expect([saved.name, saved.kind, saved.region]).toEqual(['Nouveau nom', 'territorial', 'Estrie']);
		// The region stays while the kind does; a thematic community has none.
		await updateCommunity(t.ctx.db, host, c.slug, edit({ description: 'Encore' }));
		expect((await getCommunity(t.ctx.db, host, c.slug)).community.region).toBe('Estrie');
		await updateCommunity(t.ctx.db, host, c.slug, edit({ kind: 'thematic', region: 'Ignorée' }));
		expect((await getCommunity(t.ctx.db, host, c.slug)).community.region).toBeNull();
	});

	it('demands a region of a territorial community, as at creation, and refuses the slug and the visibility', async () => {
		const c = await community('public');
		const host = await c.host.viewer();
		const refused = await updateCommunity(t.ctx.db, host, c.slug, edit({ kind: 'territorial', region: '' })).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).fields).toEqual({ region: ['community_region_required'] });
		await updateCommunity(t.ctx.db, host, c.slug, edit({ kind: 'territorial', region: 'Abitibi' }));
		await expect(updateCommunity(t.ctx.db, host, c.slug, edit({ region: null }))).rejects.toBeInstanceOf(ValidationError);
		const name = UpdateCommunityInput.safeParse({ name: 'x' });
		expect(name.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['name', 'name_too_short']]);
		for (const fixed of [{ slug: 'autre' }, { visibility: 'secret' }]) {
			const parsed = UpdateCommunityInput.safeParse(fixed);
			expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['', 'community_not_editable']]);
		}
	});

	it('answers members 403, those who may not see it 404, anonymous 401; admins edit, and are logged', async () => {
		const secret = await community('secret');
		const pub = await community('public');
		const member = await makeAccount(t.ctx);
		await t.ctx.db.insert(schema.membership).values({ communityId: pub.id, accountId: member.id, role: 'member', status: 'active' });
		const outsider = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		await expect(updateCommunity(t.ctx.db, await member.viewer(), pub.slug, edit({ name: 'Pris' }))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getCommunityForEdit(t.ctx.db, await outsider.viewer(), pub.slug)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(updateCommunity(t.ctx.db, await outsider.viewer(), secret.slug, edit({ name: 'Pris' }))).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(updateCommunity(t.ctx.db, await outsider.viewer(), 'nulle-part', edit({}))).rejects.toBeInstanceOf(NotFoundError);
		await expect(updateCommunity(t.ctx.db, anonymous, pub.slug, edit({ name: 'Pris' }))).rejects.toBeInstanceOf(UnauthorizedError);
		expect((await getCommunity(t.ctx.db, anonymous, pub.slug)).community.name).toBe(`Communauté ${pub.slug}`);

		await updateCommunity(t.ctx.db, await admin.viewer(), secret.slug, edit({ name: 'Renommée par l’administration' }));
		expect((await getCommunity(t.ctx.db, await secret.host.viewer(), secret.slug)).community.name).toBe('Renommée par l’administration');
		const logged = await t.ctx.db.select().from(schema.adminView).where(eq(schema.adminView.adminId, admin.id));
		expect(logged.map((l) => [l.resourceType, l.resourceId])).toContainEqual(['community', secret.id]);
	});
});
