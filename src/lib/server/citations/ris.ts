// RIS from plugin-ris's mapping (type, names, title, year, language, URL), written out by us because plugin-ris
// breaks long values onto continuation lines (not every reader joins them back), writes dates without leading
// zeros, and drops the website's name. The access date goes twice: Y2, where Zotero and Mendeley read it for
// every type, and M1, where EndNote and plugin-ris keep it for an ELEC (web page) record.
import type { CSL } from '@citation-js/core';
import type { DateParts } from './csl.ts';
import { dateParts } from './csl.ts';
import { formatRisObject } from './engine.ts';

// The RIS date form: YYYY/MM/DD/ (the last slash opens the empty "other information" part).
const risDate = ([y, m, d]: DateParts) => `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/`;

// A value must stay on its tag's line.
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

export function toRis(item: CSL, containerTitle: string, consulted: Date): string {
	const [o] = formatRisObject(item);
	const issued = item.issued?.['date-parts']?.[0] as DateParts;
	const tags: [string, string | string[] | undefined][] = [
		['TY', o.TY],
		['AU', o.AU],
		['TI', o.TI],
		['T2', containerTitle],
		['PY', String(issued[0])],
		['DA', risDate(issued)],
		['Y2', risDate(dateParts(consulted))],
		['M1', risDate(dateParts(consulted))],
		['LA', o.LA],
		['UR', o.UR]
	];
	const lines = tags.flatMap(([tag, value]) => [value ?? []].flat().map((v) => `${tag}  - ${oneLine(String(v))}`));
	// The RIS specification ends every line with CR LF, the last record with "ER  - ".
	return [...lines, 'ER  - ', ''].join('\r\n');
}
