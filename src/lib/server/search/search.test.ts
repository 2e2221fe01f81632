import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { anonymous } from '../../domain/viewer.ts';
import { createCommunity, inviteByEmail, joinCommunity } from '../communities/index.ts';
import { searchDirectory } from './index.ts';

const t = useTestContext();

describe('directory search', () => {
	it('finds communities without accents and never reveals a secret one to outsiders', async () => {
		const host = await makeAccount(t.ctx);
		const member = await makeAccount(t.ctx);
		await createCommunity(t.ctx.db, await host.viewer(), {
			slug: 'developpement-social',
			name: 'Développement social',
			description: '',
			visibility: 'public'
		});
		await createCommunity(t.ctx.db, await host.viewer(), {
			slug: 'developpement-secret',
			name: 'Développement secret',
			description: '',
			visibility: 'secret'
		});
		await inviteByEmail(t.ctx, await host.viewer(), 'developpement-secret', member.email, 'fr');
		await joinCommunity(t.ctx, await member.viewer(), 'developpement-secret');

		const forAnonymous = await searchDirectory(t.ctx.db, anonymous, 'developpement');
		expect(forAnonymous.communities.map((c) => c.slug)).toEqual(['developpement-social']);
		const forMember = await searchDirectory(t.ctx.db, await member.viewer(), 'DÉVELOPPEMENT');
		expect(forMember.communities.map((c) => c.slug).sort()).toEqual(['developpement-secret', 'developpement-social']);
	});

	it('treats % and _ literally and finds people by handle', async () => {
		const a = await makeAccount(t.ctx, { handle: 'lea-gagnon' });
		expect((await searchDirectory(t.ctx.db, anonymous, '%')).communities).toEqual([]);
		expect((await searchDirectory(t.ctx.db, anonymous, 'gagnon')).people.map((p) => p.handle)).toContain(a.handle);
		expect(await searchDirectory(t.ctx.db, anonymous, '   ')).toEqual({ communities: [], people: [] });
	});
});
