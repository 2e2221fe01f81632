import type { Viewer } from '../../domain/viewer.ts';
import type { Db } from '../db/index.ts';
import { listNotebooksOfNote } from '../notebooks/notebooks-of-note.ts';
import { getNote } from './get-note.ts';
import { presentNote } from './present.ts';
import type { NoteJson } from './schemas.ts';

/** The API's note with the notebooks that include it, as this viewer may see both. NotFoundError like getNote. */
export async function getNoteJson(db: Db, viewer: Viewer, id: string, publicUrl: string, lang: 'fr' | 'en'): Promise<NoteJson> {
	const view = await getNote(db, viewer, id);
	return presentNote(view, publicUrl, lang, await listNotebooksOfNote(db, viewer, id));
}
