// The demo discussion of the seed note: Marie-Soleil shares the note of atelier 4 into « En commun - soutien et
// développement », and a short exchange follows, so "Discuss this note" leads somewhere alive on a new instance.
import type { Viewer } from '../../domain/viewer.ts';
import { postMessage, shareNote, ShareNoteInput } from '../discussions/index.ts';
import type { Db } from '../db/index.ts';

export async function seedNoteThread(db: Db, people: { marie: Viewer; alex: Viewer }, noteId: string): Promise<void> {
	const { threadId } = await shareNote(
		db,
		people.marie,
		noteId,
		ShareNoteInput.parse({
			comment:
				'Voici le compte rendu de l’atelier 4, où nous avons présenté le modèle de soutenabilité et rêvé ses trois axes avec les participant·es. ' +
				'Vos commentaires sont les bienvenus avant qu’on le présente au comité de gouvernance. #soutenabilité'
		})
	);
	const { messageId } = await postMessage(db, people.alex, threadId, {
		body:
			'Merci pour cette synthèse! Le groupe 1 sur les ancrages territoriaux rejoint ce qu’on vit à la bibliothèque : ' +
			'les praxithons marchent quand un lieu les accueille. Est-ce qu’on pourrait creuser cet axe au prochain atelier?',
		parentId: null
	});
	await postMessage(db, people.marie, threadId, {
		body: 'Bonne idée @alex! Je l’ajoute à l’ordre du jour. Si tu peux, apporte deux ou trois exemples de praxithons en bibliothèque. #praxithon',
		parentId: messageId
	});
}
