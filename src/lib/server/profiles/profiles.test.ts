import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ConflictError, NotFoundError, UnauthorizedError } from '../../domain/errors.ts';
import { anonymous } from '../../domain/viewer.ts';
import { createCommunity, inviteByEmail, joinCommunity } from '../communities/index.ts';
import { findProfileByAccount, getProfile, presentProfile, ProfileInput, updateProfile } from './index.ts';

const t = useTestContext();
const form = (over: Record<string, string> = {}) => ({
	handle: 'valid-handle',
	displayName: 'X',
	pronouns: '',
	organisation: '',
	bio: '',
	locale: 'fr',
	...over
});

async function makeCommunity(visibility: 'public' | 'closed' | 'secret') {
	const host = await makeAccount(t.ctx);
	const slug = `${visibility}-${Math.random().toString(36).slice(2, 8)}`;
	await createCommunity(t.ctx.db, await host.viewer(), { slug, name: `Community ${slug}`, description: '', visibility });
	return { slug, host };
}

describe('updateProfile', () => {
	it('saves every field and a new handle, which then finds the profile in any case', async () => {
		const a = await makeAccount(t.ctx);
		const handle = `new-${a.handle}`.slice(0, 30).replace(/[-_]+$/, '');
		const input = ProfileInput.parse(
			form({
				handle: handle.toUpperCase(),
				displayName: ' Ana ',
				pronouns: 'elle',
				organisation: 'Org',
				bio: 'Line 1\r\nLine 2',
				locale: 'en'
			})
		);
		await updateProfile(t.ctx.db, await a.viewer(), input);
		const row = (await findProfileByAccount(t.ctx.db, a.id))!;
		expect(row).toMatchObject({ handle, displayName: 'Ana', pronouns: 'elle', organisation: 'Org', bio: 'Line 1\nLine 2', locale: 'en' });
		expect((await getProfile(t.ctx.db, anonymous, handle.toUpperCase())).profile.accountId).toBe(a.id);
	});

	it('refuses a handle someone else has, whatever its case, and keeps one’s own', async () => {
		const a = await makeAccount(t.ctx);
		const b = await makeAccount(t.ctx);
		const err = await updateProfile(
			t.ctx.db,
			await a.viewer(),
			ProfileInput.parse(form({ handle: b.handle.toUpperCase(), displayName: 'A' }))
		).catch((e) => e);
		expect(err).toBeInstanceOf(ConflictError);
		expect(err.fields).toEqual({ handle: ['handle_taken'] });
		expect((await findProfileByAccount(t.ctx.db, a.id))!.handle).toBe(a.handle);
		await expect(updateProfile(t.ctx.db, await a.viewer(), { handle: a.handle, displayName: 'Same handle' })).resolves.toBeDefined();
	});

	it('validates lengths with catalogue codes', () => {
		const codes = (over: Record<string, string>) => {
			const r = ProfileInput.safeParse(form(over));
			return r.success ? [] : (r.error as ZodError).issues.map((i) => `${i.path.join('.')}:${i.message}`);
		};
		expect(codes({ bio: 'x'.repeat(2001) })).toEqual(['bio:bio_too_long']);
		expect(codes({ bio: 'x\r\n'.repeat(1000) })).toEqual([]); // 2,000 characters once line breaks are counted as one
		expect(codes({ pronouns: 'x'.repeat(41) })).toEqual(['pronouns:pronouns_too_long']);
		expect(codes({ organisation: 'x'.repeat(121) })).toEqual(['organisation:organisation_too_long']);
		expect(codes({ locale: 'de' })).toHaveLength(1);
		expect(codes({ handle: 'a' })).toContain('handle:handle_too_short');
	});

	it('is for signed-in people only', async () => {
		await expect(updateProfile(t.ctx.db, anonymous, { displayName: 'Nobody' })).rejects.toThrow(UnauthorizedError);
	});
});

describe('getProfile', () => {
	it('answers NotFound for an unknown handle', async () => {
		await expect(getProfile(t.ctx.db, anonymous, 'nobody-here')).rejects.toThrow(NotFoundError);
	});

	it('tells whether the profile is the viewer’s own and presents no private field', async () => {
		const a = await makeAccount(t.ctx);
		expect((await getProfile(t.ctx.db, await a.viewer(), a.handle)).isOwn).toBe(true);
		const view = await getProfile(t.ctx.db, anonymous, a.handle);
		expect(view.isOwn).toBe(false);
		const page = presentProfile(view, 'fr');
		expect(Object.keys(page).sort()).toEqual([
			'avatarUrl',
			'bio',
			'communities',
			'displayName',
			'handle',
			'isOwn',
			'organisation',
			'pronouns'
		]);
		expect(page.avatarUrl).toBeNull();
	});

	it('shows a secret community membership to fellow members only, and closed ones to their members', async () => {
		const person = await makeAccount(t.ctx);
		const pub = await makeCommunity('public');
		const closed = await makeCommunity('closed');
		const secret = await makeCommunity('secret');
		await joinCommunity(t.ctx, await person.viewer(), pub.slug);
		for (const c of [closed, secret]) {
			await inviteByEmail(t.ctx, await c.host.viewer(), c.slug, person.email, 'fr');
			await joinCommunity(t.ctx, await person.viewer(), c.slug); // accepts the invitation
		}
		const outsider = await makeAccount(t.ctx);
		const admin = await makeAccount(t.ctx, { admin: true });
		const invitee = await makeAccount(t.ctx);
		await inviteByEmail(t.ctx, await secret.host.viewer(), secret.slug, invitee.email, 'fr'); // invited, not yet a member
		const seenBy = async (viewer: Parameters<typeof getProfile>[1]) =>
			(await getProfile(t.ctx.db, viewer, person.handle)).communities.map((c) => c.slug).sort();

		expect(await seenBy(anonymous)).toEqual([pub.slug]);
		expect(await seenBy(await outsider.viewer())).toEqual([pub.slug]);
		expect(await seenBy(await invitee.viewer())).toEqual([pub.slug]);
		expect(await seenBy(await secret.host.viewer())).toEqual([pub.slug, secret.slug].sort());
		expect(await seenBy(await closed.host.viewer())).toEqual([pub.slug, closed.slug].sort());
		expect(await seenBy(await person.viewer())).toEqual([pub.slug, closed.slug, secret.slug].sort());
		expect(await seenBy(await admin.viewer())).toEqual([pub.slug, closed.slug, secret.slug].sort());
	});

	it('lists only active memberships', async () => {
		const person = await makeAccount(t.ctx);
		const closed = await makeCommunity('closed');
		expect(await joinCommunity(t.ctx, await person.viewer(), closed.slug)).toBe('pending');
		expect((await getProfile(t.ctx.db, await person.viewer(), person.handle)).communities).toEqual([]);
	});
});
