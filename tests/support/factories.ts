import { eq } from 'drizzle-orm';
import { createAuth, signUp, viewerOf, type Auth } from '../../src/lib/server/accounts/index.ts';
import { schema } from '../../src/lib/server/db/index.ts';
import type { Ctx } from '../../src/lib/server/context.ts';

let counter = 0;
const auths = new WeakMap<Ctx, Auth>();
export const authFor = (ctx: Ctx): Auth => {
	let auth = auths.get(ctx);
	if (!auth) auths.set(ctx, (auth = createAuth(ctx)));
	return auth;
};

export const PASSWORD = 'correct horse battery';

/** A verified account with its profile. */
export async function makeAccount(ctx: Ctx, opts: { admin?: boolean; verified?: boolean; handle?: string; locale?: 'fr' | 'en' } = {}) {
	const n = ++counter;
	const handle = opts.handle ?? `person-${n}-${Math.random().toString(36).slice(2, 6)}`;
	const email = `${handle}@example.org`;
	const { accountId } = await signUp(ctx, authFor(ctx), {
		email,
		password: PASSWORD,
		handle,
		displayName: `Person ${n}`,
		locale: opts.locale ?? 'fr'
	});
	await ctx.db
		.update(schema.user)
		.set({ emailVerified: opts.verified ?? true, role: opts.admin ? 'admin' : 'member' })
		.where(eq(schema.user.id, accountId));
	return { id: accountId, email, handle, viewer: () => viewerOf(ctx.db, accountId) };
}
