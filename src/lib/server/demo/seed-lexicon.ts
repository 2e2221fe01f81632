// Demo lexicon terms and organisations, so the glossary and the directory are not empty on a new instance.
// The organisations are fictional; their websites use example.org, which no one can own (RFC 2606).
import type { viewerOf } from '../accounts/index.ts';
import type { Ctx } from '../context.ts';
import { createNote, CreateNoteInput, setNoteStatus } from '../notes/index.ts';

type Fields = Record<string, unknown> & { title: string };

export const DEMO_TERMS: Fields[] = [
	{
		title: 'Communs',
		summary: 'Des ressources partagées dont une communauté prend soin selon ses propres règles.',
		termDefinition:
			'Ressources partagées (savoirs, logiciels, lieux, semences…) gérées collectivement par une communauté qui en fixe les règles d’accès, d’usage et de soin, pour les faire vivre et les transmettre.',
		termSynonyms: ['Biens communs', 'Commons'],
		body: 'Un commun tient à trois choses : une ressource, une communauté et les règles que cette communauté se donne. Les notes de Commonplace, sous licence Creative Commons, en sont un.'
	},
	{
		title: 'Tiers-lieu',
		summary: 'Un lieu ni domicile ni travail, où l’on se rencontre et fait ensemble.',
		termDefinition:
			'Espace ouvert, distinct du domicile et du travail, où des personnes se rencontrent, apprennent et réalisent des projets ensemble : bibliothèque, café, atelier partagé, espace de travail collaboratif.',
		termSynonyms: ['Troisième lieu', 'Third place'],
		body: 'Beaucoup de tiers-lieux prennent soin de [[Communs]] : outils partagés, savoirs documentés, jardins.'
	},
	{
		title: 'Économie sociale',
		summary: 'Des entreprises collectives au service de leurs membres ou de la collectivité.',
		termDefinition:
			'Ensemble des entreprises collectives (coopératives, mutuelles, organismes à but non lucratif) qui vendent des biens ou des services pour répondre aux besoins de leurs membres ou de la collectivité, et non pour le profit; au Québec, la Loi sur l’économie sociale (2013) la reconnaît.',
		termSynonyms: ['Économie sociale et solidaire', 'ESS'],
		body: ''
	},
	{
		title: 'Praxithon',
		summary: 'Un atelier où l’on documente ensemble une pratique du terrain.',
		termDefinition:
			'Atelier collectif d’une demi-journée ou d’une journée où des personnes du milieu documentent ensemble une pratique pour en faire des notes que d’autres pourront lire, citer et reprendre.',
		termSynonyms: ['Marathon de documentation'],
		body: 'Les praxithons ont souvent lieu dans un [[Tiers-lieu]].'
	}
];

export const DEMO_ORGANIZATIONS: Fields[] = [
	{
		title: 'Centre d’action bénévole de la Petite-Patrie',
		summary: 'Met en lien les personnes bénévoles et les organismes du quartier.',
		orgRegion: 'Montréal',
		orgSector: 'Action communautaire',
		orgWebsite: 'https://cab-petite-patrie.example.org',
		body: ''
	},
	{
		title: 'Coopérative de solidarité Le Rucher',
		summary: 'Un café-atelier coopératif, tiers-lieu du quartier Saint-Roch.',
		orgRegion: 'Capitale-Nationale',
		orgSector: 'Économie sociale',
		orgWebsite: 'https://lerucher.example.org',
		body: ''
	},
	{
		title: 'Table de concertation en sécurité alimentaire du Bas-Saint-Laurent',
		summary: 'Réunit les organismes, les municipalités et les producteurs et productrices autour de l’accès à une alimentation saine.',
		orgRegion: 'Bas-Saint-Laurent',
		orgSector: 'Sécurité alimentaire',
		orgWebsite: 'https://securite-alimentaire-bsl.example.org',
		body: ''
	}
];

/** Writes and publishes the demo terms and organisations as `author`; returns how many notes it made. */
export async function seedLexicon(ctx: Ctx, author: Awaited<ReturnType<typeof viewerOf>>): Promise<number> {
	const notes = [
		...DEMO_TERMS.map((fields) => ({ type: 'term', ...fields })),
		...DEMO_ORGANIZATIONS.map((fields) => ({ type: 'organization', ...fields }))
	];
	// One after the other: a term's [[link]] finds the terms written before it.
	for (const fields of notes) {
		const { id } = await createNote(ctx.db, author, CreateNoteInput.parse({ language: 'fr', visibility: 'public', ...fields }));
		await setNoteStatus(ctx.db, author, id, 'published');
	}
	return notes.length;
}
