// A note as a CSL item: the one record every format is made from, so APA, BibTeX and RIS never disagree.
import type { CSL } from '@citation-js/core';
import { isLicenceId, licence } from '../../domain/licences.ts';
import { cslName, type CitableAuthor, type CslName } from './names.ts';

/** What a citation needs to know about a note; the caller has already checked the viewer may see it. */
export type CitableWork = {
	id: string;
	title: string;
	/** In byline order. */
	authors: CitableAuthor[];
	publishedAt: Date | null;
	updatedAt: Date;
	/** The note's canonical URL. */
	url: string;
	/** The website: the instance's name ("Commonplace", "Praxis"). */
	containerTitle: string;
	/** The note's content language (BCP 47), which also stops citeproc from title-casing non-English titles. */
	language: string;
	/** SPDX id. */
	licence: string;
};

export type DateParts = [number, number, number];

// Calendar dates in the server's time zone (TZ), which an instance sets to its own: "consulted today" must be
// the reader's today in Québec, not in UTC, around midnight.
export const dateParts = (d: Date): DateParts => [d.getFullYear(), d.getMonth() + 1, d.getDate()];

export function toCsl(work: CitableWork, consulted: Date): CSL {
	// The publication date, as the page's citation_publication_date meta tag says, so a citation copied from the
	// page and one saved by Zotero agree; the access date marks which revision was read. A note that was never
	// published (its authors citing a draft) falls back to its last change rather than "n.d.".
	const issued = work.publishedAt ?? work.updatedAt;
	return {
		id: work.id,
		type: 'webpage',
		title: work.title,
		author: work.authors.map(cslName),
		issued: { 'date-parts': [dateParts(issued)] },
		accessed: { 'date-parts': [dateParts(consulted)] },
		URL: work.url,
		'container-title': work.containerTitle,
		language: work.language
	};
}

/** CSL's `license` variable as Zotero's Rights field holds it: the short label ("CC BY-NC-SA 4.0"). */
export const licenceLabel = (id: string): string => (isLicenceId(id) ? licence(id).label : id);

const ascii = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '');

/**
 * A readable BibTeX key, "LAllier2024Atelier": family name, year, first word of the title, ASCII letters and
 * digits only, as BibTeX and biber accept everywhere. citation-js would stop at the apostrophe ("L2024Atelier").
 */
export function citationKey(work: CitableWork, item: CSL): string {
	const first = item.author?.[0] as CslName | undefined;
	const who = first ? ascii('family' in first ? first.family : first.literal.split(' ')[0]) : '';
	const year = (item.issued?.['date-parts']?.[0]?.[0] ?? '').toString();
	const what =
		work.title
			.split(/\s+/)
			.map(ascii)
			.find((w) => w.length > 0) ?? '';
	return who || what ? `${who}${year}${what}` : `note${ascii(work.id)}`;
}
