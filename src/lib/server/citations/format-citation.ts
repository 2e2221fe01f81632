import { toBibtex } from './bibtex.ts';
import { citationKey, licenceLabel, toCsl, type CitableWork } from './csl.ts';
import { formatStyle, normalisedCsl, type CitationLang } from './engine.ts';
import { toRis } from './ris.ts';
import type { CitationFormat } from './schemas.ts';

export type Citation = {
	text: string;
	/** For the Content-Type header of a download (GET /api/v1/notes/{id}/cite). */
	contentType: string;
	/** For Content-Disposition: the note's id and the format, so several downloads do not collide. */
	filename: string;
};

const TEXT = 'text/plain; charset=utf-8';

/**
 * A note's citation in one format, with the date consulted (today unless given): the text the note page offers
 * and the API serves. Pure apart from the clock; the caller has already checked the viewer may see the note.
 * The first call per language takes about a second (citeproc builds its engine): see warmCitations.
 */
export function formatCitation(work: CitableWork, format: CitationFormat, lang: CitationLang, consulted: Date = new Date()): Citation {
	const item = toCsl(work, consulted);
	// citeproc takes milliseconds per citation, and every signed-in view of a note asks again: the same item (its
	// date consulted included, so the day changes the key) in the same format and language gives the same text.
	const key = `${format}|${lang}|${JSON.stringify(item)}|${work.containerTitle}`;
	const known = recent.get(key);
	if (known) {
		recent.delete(key);
		recent.set(key, known);
		return known;
	}
	const citation = formatItem(work, item, format, lang, consulted);
	recent.set(key, citation);
	if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
	return citation;
}

// Least recently used first: a Map keeps insertion order, and a hit is moved to the end.
const recent = new Map<string, Citation>();
const RECENT_MAX = 2000;

function formatItem(
	work: CitableWork,
	item: ReturnType<typeof toCsl>,
	format: CitationFormat,
	lang: CitationLang,
	consulted: Date
): Citation {
	const base = work.id.replace(/[^A-Za-z0-9_-]/g, '') || 'note';
	switch (format) {
		case 'apa':
		case 'mla':
		case 'chicago':
			return { text: formatStyle(item, format, lang), contentType: TEXT, filename: `${base}-${format}.txt` };
		case 'bibtex':
			return {
				text: toBibtex(item, citationKey(work, item), work.containerTitle, consulted),
				contentType: 'application/x-bibtex; charset=utf-8',
				filename: `${base}.bib`
			};
		case 'ris':
			return {
				text: toRis(item, work.containerTitle, consulted),
				contentType: 'application/x-research-info-systems; charset=utf-8',
				filename: `${base}.ris`
			};
		case 'csl-json': {
			// citation-js drops `license` (a CSL 1.0.2 variable it does not know yet), so it is added back here.
			const data = [{ ...normalisedCsl(item), license: licenceLabel(work.licence) }];
			return {
				text: JSON.stringify(data, null, 2) + '\n',
				contentType: 'application/vnd.citationstyles.csl+json',
				filename: `${base}.json`
			};
		}
	}
}
