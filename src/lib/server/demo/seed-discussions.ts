// Demo discussions in « En commun - soutien et développement »: a welcome thread, a light post and an agenda, with
// replies, #hashtags and an @mention, so a new instance shows a living community.
import type { Viewer } from '../../domain/viewer.ts';
import { postMessage, startThread, StartThreadInput } from '../discussions/index.ts';
import type { Db } from '../db/index.ts';

type Post = { by: 'marie' | 'alex'; body: string; replyTo?: number };
type DemoThread = { by: 'marie' | 'alex'; title: string; body: string; replies: Post[] };

const THREADS: DemoThread[] = [
	{
		by: 'alex',
		title: 'Prochain atelier sur la soutenabilité',
		body:
			'Le prochain atelier aura lieu le **12 décembre**, en ligne. Ordre du jour proposé :\n\n' +
			'1. bilan de l’atelier 4;\n2. choix des scénarios de financement;\n3. prochaines étapes pour la gouvernance.\n\n#soutenabilité #gouvernance',
		replies: [
			{
				by: 'marie',
				body: 'Merci Alex! Je peux animer le point 2. Est-ce qu’on ajoute un point sur l’accessibilité du site? #accessibilité'
			},
			{ by: 'alex', body: 'Bonne idée, je l’ajoute à l’ordre du jour.', replyTo: 0 }
		]
	},
	{
		by: 'alex',
		title: '',
		body: 'Quelqu’un a déjà importé des notes Markdown depuis Obsidian? Je me demande comment les liens entre notes sont conservés. #importation',
		replies: [
			{
				by: 'marie',
				body:
					'Oui : à l’importation, les liens `[[Titre]]` deviennent des liens vers l’identifiant de la note, donc renommer une note ne les casse pas. ' +
					'@alex, je peux te montrer ça à la prochaine rencontre. #importation'
			}
		]
	},
	{
		by: 'marie',
		title: 'Bienvenue dans l’espace de discussion',
		body:
			'Bienvenue à toutes et à tous! Cet espace sert à s’entraider autour des plateformes En commun : questions, idées, comptes rendus. ' +
			'Présentez-vous en quelques mots et dites-nous ce qui vous amène. #bienvenue',
		replies: [
			{
				by: 'alex',
				body: 'Bonjour! Alex, de la Bibliothèque de Rosemont. On prépare un praxithon cet automne et j’aimerais documenter nos ateliers ici. #praxithon'
			},
			{
				by: 'marie',
				body: 'Bienvenue @alex! Le carnet « Analyse de soutenabilité des plateformes En commun » peut servir de modèle pour vos comptes rendus.',
				replyTo: 0
			}
		]
	}
];

/** Writes the demo threads, oldest activity first, so the welcome thread tops the list. */
export async function seedDiscussions(db: Db, people: { marie: Viewer; alex: Viewer }, slug: string): Promise<number> {
	for (const t of THREADS) {
		const { threadId } = await startThread(db, people[t.by], slug, StartThreadInput.parse({ title: t.title, body: t.body }));
		const ids: string[] = [];
		for (const r of t.replies) {
			const parentId = r.replyTo === undefined ? null : ids[r.replyTo];
			ids.push((await postMessage(db, people[r.by], threadId, { body: r.body, parentId })).messageId);
		}
	}
	return THREADS.length;
}
