import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
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

/** An edit that starts from what is saved now, as any one edit does. */
const save = async (viewer: Viewer, slug: string, input: Record<string, unknown>) =>
	updateCommunity(t.ctx.db, viewer, slug, edit({ ...input, baseVersion: await versionFor(viewer, slug) }));

/** The version this viewer's edit form would start from ('unseen' when they may not see the community). */
async function versionFor(viewer: Viewer, slug: string): Promise<string> {
	return (await getCommunity(t.ctx.db, viewer, slug).catch(() => null))?.community.version ?? 'unseen';
}

describe('editing a community', () => {
	it('lets its hosts change name, description, kind and region, keeping what is not sent', async () => {
		const c = await community('closed');
		const host = await c.host.viewer();
		await save(host, c.slug.toUpperCase(), { name: 'Nouveau nom', description: 'Après' });
		let saved = (await getCommunity(t.ctx.db, host, c.slug)).community;
		expect([saved.name, saved.description, saved.kind, saved.region, saved.slug, saved.visibility]).toEqual([
			'Nouveau nom',
			'Après',
			'thematic',
			null,
			c.slug,
			'closed'
		]);
		await save(host, c.slug, { kind: 'territorial', region: ' Estrie ' });
		saved = (await getCommunity(t.ctx.db, host, c.slug)).community;
		expect([saved.name, saved.kind, saved.region]).toEqual(['Nouveau nom', 'territorial', 'Estrie']);
		// The region stays while the kind does; a thematic community has none.
		await save(host, c.slug, { description: 'Encore' });
		expect((await getCommunity(t.ctx.db, host, c.slug)).community.region).toBe('Estrie');
		await save(host, c.slug, { kind: 'thematic', region: 'Ignorée' });
		expect((await getCommunity(t.ctx.db, host, c.slug)).community.region).toBeNull();
	});

	it('demands a region of a territorial community, as at creation, and refuses the slug and the visibility', async () => {
		const c = await community('public');
		const host = await c.host.viewer();
		const refused = await save(host, c.slug, { kind: 'territorial', region: '' }).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).fields).toEqual({ region: ['community_region_required'] });
		await save(host, c.slug, { kind: 'territorial', region: 'Abitibi' });
		await expect(save(host, c.slug, { region: null })).rejects.toBeInstanceOf(ValidationError);
		const name = UpdateCommunityInput.safeParse({ name: 'x', baseVersion: '1' });
		expect(name.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['name', 'name_too_short']]);
		for (const fixed of [{ slug: 'autre' }, { visibility: 'secret' }]) {
			const parsed = UpdateCommunityInput.safeParse({ ...fixed, baseVersion: '1' });
			expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['', 'community_not_editable']]);
		}
	});

	it('refuses an edit begun before another save, whose text it keeps nothing of, and lets it through from the new version', async () => {
		const c = await community('public');
		const [first, second] = [await c.host.viewer(), await makeAccount(t.ctx)];
		await t.ctx.db.insert(schema.membership).values({ communityId: c.id, accountId: second.id, role: 'host', status: 'active' });
		const other = await second.viewer();
		// Both hosts open the form on the same version; the first saves.
		const opened = await versionFor(first, c.slug);
		expect(await versionFor(other, c.slug)).toBe(opened);
		await updateCommunity(t.ctx.db, first, c.slug, edit({ name: 'Nom de la première', baseVersion: opened }));
		const now = await versionFor(first, c.slug);
		expect(now).not.toBe(opened);

		const late = await updateCommunity(t.ctx.db, other, c.slug, edit({ description: 'Texte de la seconde', baseVersion: opened })).catch(
			(e: unknown) => e
		);
		expect(late).toBeInstanceOf(StaleVersionError);
		expect([(late as StaleVersionError).fields, (late as StaleVersionError).currentVersion]).toEqual([
			{ _: ['community_edit_conflict'] },
			now
		]);
		let saved = (await getCommunity(t.ctx.db, other, c.slug)).community;
		expect([saved.name, saved.description]).toEqual(['Nom de la première', 'Avant']);

		// Having seen the first host's version, the second saves from it.
		await updateCommunity(t.ctx.db, other, c.slug, edit({ description: 'Texte de la seconde', baseVersion: now }));
		saved = (await getCommunity(t.ctx.db, other, c.slug)).community;
		expect([saved.name, saved.description]).toEqual(['Nom de la première', 'Texte de la seconde']);
		// A version that never was is no version to save from.
		await expect(updateCommunity(t.ctx.db, first, c.slug, edit({ name: 'Autre', baseVersion: '12' }))).rejects.toBeInstanceOf(
			StaleVersionError
		);
		expect(UpdateCommunityInput.safeParse({ name: 'Sans version' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['baseVersion', 'base_version_missing']
		]);
	});

	it('lets one of several saves begun from the same version through when they run at once, never two', async () => {
		const c = await community('closed');
		const host = await c.host.viewer();
		const opened = await versionFor(host, c.slug);
		const names = ['Première en même temps', 'Seconde en même temps', 'Troisième en même temps'];
		const outcomes = await Promise.allSettled(
			names.map((name) => updateCommunity(t.ctx.db, host, c.slug, edit({ name, description: `Par ${name}`, baseVersion: opened })))
		);
		const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [names[i]] : []));
		expect(won).toHaveLength(1);
		for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(StaleVersionError);
		// The saved row is one save's, whole: never one's name with another's description.
		const saved = (await getCommunity(t.ctx.db, host, c.slug)).community;
		expect([saved.name, saved.description]).toEqual([won[0], `Par ${won[0]}`]);
	});

	it('answers members 403, those who may not see it 404, anonymous 401; admins edit, and are logged', async () => {
		const secret = await community('secret');
		const pub = await community('public');
		const member = await makeAccount(t.ctx);
		await t.ctx.db.insert(schema.membership).values({ communityId: pub.id, accountId: member.id, role: 'member', status: 'active' });
		const outsider = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		await expect(save(await member.viewer(), pub.slug, { name: 'Pris' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getCommunityForEdit(t.ctx.db, await outsider.viewer(), pub.slug)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(save(await outsider.viewer(), secret.slug, { name: 'Pris' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(save(await outsider.viewer(), 'nulle-part', {})).rejects.toBeInstanceOf(NotFoundError);
		await expect(save(anonymous, pub.slug, { name: 'Pris' })).rejects.toBeInstanceOf(UnauthorizedError);
		expect((await getCommunity(t.ctx.db, anonymous, pub.slug)).community.name).toBe(`Communauté ${pub.slug}`);

		await save(await admin.viewer(), secret.slug, { name: 'Renommée par l’administration' });
		expect((await getCommunity(t.ctx.db, await secret.host.viewer(), secret.slug)).community.name).toBe('Renommée par l’administration');
		const logged = await t.ctx.db.select().from(schema.adminView).where(eq(schema.adminView.adminId, admin.id));
		expect(logged.map((l) => [l.resourceType, l.resourceId])).toContainEqual(['community', secret.id]);
	});
});
