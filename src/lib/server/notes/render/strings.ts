// The few words the rendered body itself carries, in both languages. They live here rather than in the message
// catalogue because they are part of stored and cached HTML, not of a page's chrome.
import type { Lang } from '../../../i18n.ts';

export interface RenderStrings {
	/** Accessible name of the "#" permalink beside each heading. */
	permalink: string;
	/** Titles of embedded frames, by provider. */
	youtube: string;
	vimeo: string;
	peertube: string;
	miro: string;
	/** The action on a file card: a file the browser shows, a file it downloads. */
	openFile: string;
	downloadFile: string;
	/** Said after a link to a title no note has yet: following it starts that note. */
	createNote: string;
}

export const RENDER_STRINGS: Record<Lang, RenderStrings> = {
	fr: {
		permalink: 'Lien vers cette section',
		youtube: 'Vidéo YouTube',
		vimeo: 'Vidéo Vimeo',
		peertube: 'Vidéo PeerTube',
		miro: 'Tableau blanc Miro',
		openFile: 'Ouvrir',
		downloadFile: 'Télécharger',
		createNote: 'note à créer'
	},
	en: {
		permalink: 'Link to this section',
		youtube: 'YouTube video',
		vimeo: 'Vimeo video',
		peertube: 'PeerTube video',
		miro: 'Miro board',
		openFile: 'Open',
		downloadFile: 'Download',
		createNote: 'note to create'
	}
};
