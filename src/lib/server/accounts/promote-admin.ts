import { eq } from 'drizzle-orm';
import { NotFoundError } from '../../domain/errors.ts';
import { schema } from '../db/index.ts';
import type { Ctx } from '../context.ts';

/**
 * Gives an existing account the admin role, for the operator's command line (`npm run admin -- promote`).
 * It does not verify the address: an unverified account still has to open its link before signing in.
 * Throws NotFoundError when no account has this email.
 */
export async function promoteAdmin(ctx: Ctx, email: string) {
	const [found] = await ctx.db
		.select({ id: schema.user.id, role: schema.user.role, emailVerified: schema.user.emailVerified })
		.from(schema.user)
		.where(eq(schema.user.email, email));
	if (!found) throw new NotFoundError('No account with this email', { email: ['account_not_found'] });
	if (found.role !== 'admin') await ctx.db.update(schema.user).set({ role: 'admin' }).where(eq(schema.user.id, found.id));
	return { accountId: found.id, wasAdmin: found.role === 'admin', emailVerified: found.emailVerified };
}
