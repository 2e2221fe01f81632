// Demo content for a new instance, loaded by `npm start` into an empty database. The README lists these accounts.
import { count, eq } from 'drizzle-orm';
import { signUp, type Auth } from '../accounts/index.ts';
import type { Ctx } from '../context.ts';
import { schema } from '../db/index.ts';
import { createCommunity, joinCommunity } from '../communities/index.ts';
import { viewerOf } from '../accounts/index.ts';

export const DEMO_PASSWORD = 'commonplace-demo';

export const DEMO_ACCOUNTS = [
	{
		email: 'admin@commonplace.localhost',
		handle: 'admin-demo',
		displayName: 'Administration Commonplace',
		role: 'admin' as const,
		locale: 'fr' as const
	},
	{
		email: 'marie-soleil@commonplace.localhost',
		handle: 'marie-soleil',
		displayName: "Marie-Soleil L'Allier",
		role: 'member' as const,
		locale: 'fr' as const,
		pronouns: 'elle',
		organisation: 'Projet collectif',
		bio: 'Accompagne les démarches de savoirs ouverts et de communs numériques dans le milieu communautaire.'
	},
	{
		email: 'alex@commonplace.localhost',
		handle: 'alex',
		displayName: 'Alex Tremblay',
		role: 'member' as const,
		locale: 'en' as const,
		pronouns: 'iel / they',
		organisation: 'Bibliothèque de Rosemont'
	}
];

export const DEMO_COMMUNITIES = [
	{
		slug: 'en-commun-soutien-et-developpement',
		name: 'En commun - soutien et développement',
		description:
			'Espace de la communauté qui prend soin des plateformes En commun : soutien aux personnes utilisatrices, développement, soutenabilité et gouvernance du commun.',
		visibility: 'public' as const
	},
	{
		slug: 'bibliotheques-tiers-lieux',
		name: 'Bibliothèques et tiers-lieux citoyens',
		description: 'Communauté de pratique des bibliothèques et tiers-lieux qui animent des praxithons. Adhésion sur demande.',
		visibility: 'closed' as const
	}
];

/** Loads the demo content when the database has no account yet; returns a summary line, or null if it did nothing. */
export async function seedDemo(ctx: Ctx, auth: Auth): Promise<string | null> {
	const [{ n }] = await ctx.db.select({ n: count() }).from(schema.user);
	if (n > 0) return null;
	const ids: Record<string, string> = {};
	for (const a of DEMO_ACCOUNTS) {
		const { accountId } = await signUp(
			ctx,
			auth,
			{ email: a.email, password: DEMO_PASSWORD, handle: a.handle, displayName: a.displayName, locale: a.locale },
			{ sendVerification: false }
		);
		await ctx.db.update(schema.user).set({ emailVerified: true, role: a.role }).where(eq(schema.user.id, accountId));
		await ctx.db
			.update(schema.profile)
			.set({ pronouns: a.pronouns ?? '', organisation: a.organisation ?? '', bio: a.bio ?? '' })
			.where(eq(schema.profile.accountId, accountId));
		ids[a.handle] = accountId;
	}
	const marie = await viewerOf(ctx.db, ids['marie-soleil']);
	const alex = await viewerOf(ctx.db, ids['alex']);
	const [publicOne, closedOne] = DEMO_COMMUNITIES;
	await createCommunity(ctx.db, marie, publicOne);
	await createCommunity(ctx.db, marie, closedOne);
	await joinCommunity(ctx, alex, publicOne.slug);
	return `Demo content loaded: ${DEMO_ACCOUNTS.length} accounts (password "${DEMO_PASSWORD}"), ${DEMO_COMMUNITIES.length} communities. See the README.`;
}
