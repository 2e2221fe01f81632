// Demo content for a new instance, loaded by `npm start` into an empty database. The README lists these accounts.
import { count, eq } from 'drizzle-orm';
import type { Viewer } from '../../domain/viewer.ts';
import { signUp, viewerOf, type Auth } from '../accounts/index.ts';
import type { Ctx } from '../context.ts';
import { schema } from '../db/index.ts';
import { createCommunity, joinCommunity } from '../communities/index.ts';
import { createNote, CreateNoteInput } from '../notes/index.ts';
import { addCategory, createNotebook, CreateNotebookInput, includeNote } from '../notebooks/index.ts';
import { addKnowledgeBaseNotebook, createKnowledgeBase, CreateKnowledgeBaseInput } from '../knowledge-bases/index.ts';
import { seedLexicon } from './seed-lexicon.ts';
import { seedDiscussions } from './seed-discussions.ts';
import { seedNoteThread } from './seed-note-thread.ts';
import { seedNoteBody } from './seed-note/body.ts';

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
		visibility: 'public' as const,
		kind: 'thematic' as const
	},
	{
		slug: 'bibliotheques-tiers-lieux',
		name: 'Bibliothèques et tiers-lieux citoyens',
		description: 'Communauté de pratique des bibliothèques et tiers-lieux qui animent des praxithons. Adhésion sur demande.',
		visibility: 'closed' as const,
		// Libraries and third places of one city: a territorial community, its region named as in the directory.
		kind: 'territorial' as const,
		region: 'Montréal'
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
	const { id: communityId } = await createCommunity(ctx.db, marie, publicOne);
	await createCommunity(ctx.db, marie, closedOne);
	await joinCommunity(ctx, alex, publicOne.slug);
	// Read again: the viewer now holds the communities Marie-Soleil hosts, which her content is shared with.
	const host = await viewerOf(ctx.db, ids['marie-soleil']);
	await seedPraxisNote(ctx, host, communityId);
	await seedPraxisNotebook(ctx, host, communityId);
	await seedKnowledgeBase(ctx, host, communityId);
	const lexicon = await seedLexicon(ctx, host);
	// The seed note's discussion first, so the welcome thread below stays on top of the list.
	await seedNoteThread(ctx.db, { marie: host, alex: await viewerOf(ctx.db, ids['alex']) }, SEED_NOTE_ID);
	await seedDiscussions(ctx.db, { marie: host, alex: await viewerOf(ctx.db, ids['alex']) }, publicOne.slug);
	return `Demo content loaded: ${DEMO_ACCOUNTS.length} accounts (password "${DEMO_PASSWORD}"), ${DEMO_COMMUNITIES.length} communities, 1 note in 1 notebook, 1 knowledge base, ${lexicon} glossary terms and organisations. See the README.`;
}

/** The Praxis note of the reference page, with its original id so /en/n/hyFh4E8AibDawZdxZGtAojyBHBY/ still works. */
export const SEED_NOTE_ID = 'hyFh4E8AibDawZdxZGtAojyBHBY';

/** The notebook that includes the seed note on the reference page, with the same inclusion facts. */
async function seedPraxisNotebook(ctx: Ctx, manager: Viewer, communityId: string) {
	const { id } = await createNotebook(
		ctx.db,
		manager,
		CreateNotebookInput.parse({
			title: 'Analyse de soutenabilité des plateformes En commun',
			description:
				'Les comptes rendus des ateliers sur le modèle de soutenabilité des plateformes En commun : comprendre, explorer, rêver, valider.',
			visibility: 'public',
			communityId,
			categoryLists: ['Atelier']
		}),
		{ id: SEED_NOTEBOOK_ID, createdAt: new Date('2024-04-15T10:00:00-04:00') }
	);
	const { id: valider } = await addCategory(ctx.db, manager, id, { list: 0, name: 'Atelier 4 - Valider' });
	await includeNote(
		ctx.db,
		manager,
		id,
		{ noteId: SEED_NOTE_ID, categoryIds: [valider] },
		{ includedAt: new Date('2024-05-27T12:10:00-04:00') }
	);
}

export const SEED_NOTEBOOK_ID = 'Xk3v9QmT2pLw7RbN';

/** The demo knowledge base: the notebook above, read as one report for the partners of En commun. */
export const SEED_KNOWLEDGE_BASE_ID = 'Sv4rPq8LmN2tXc6W';

async function seedKnowledgeBase(ctx: Ctx, manager: Viewer, communityId: string) {
	await createKnowledgeBase(
		ctx.db,
		manager,
		CreateKnowledgeBaseInput.parse({
			title: 'Savoirs des plateformes En commun',
			description:
				'Ce que la communauté a appris en prenant soin des plateformes En commun, réuni pour ses partenaires et ses bailleurs de fonds : les ateliers sur la soutenabilité, à lire, chercher et exporter comme un rapport.',
			visibility: 'public',
			communityId
		}),
		{ id: SEED_KNOWLEDGE_BASE_ID, createdAt: new Date('2024-07-15T10:00:00-04:00') }
	);
	await addKnowledgeBaseNotebook(ctx.db, manager, SEED_KNOWLEDGE_BASE_ID, SEED_NOTEBOOK_ID);
}

async function seedPraxisNote(ctx: Ctx, author: Viewer, communityId: string) {
	await createNote(
		ctx.db,
		author,
		CreateNoteInput.parse({
			title: "Atelier 4 - Présenter et rêver le modèle de soutenabilité d'En commun",
			body: seedNoteBody,
			language: 'fr',
			licence: 'CC-BY-NC-SA-4.0',
			visibility: 'public',
			communityId
		}),
		{
			id: SEED_NOTE_ID,
			createdAt: new Date('2024-05-27T12:00:00-04:00'),
			publishedAt: new Date('2024-05-27T12:00:00-04:00'),
			updatedAt: new Date('2024-07-10T16:24:00-04:00')
		}
	);
}
