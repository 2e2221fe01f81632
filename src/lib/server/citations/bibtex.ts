// BibTeX from plugin-bibtex's field mapping and escaping, written out by us for three reasons: plugin-bibtex
// leaves an organisation's name unescaped ("{Praxis & Cie}" breaks LaTeX on the &), puts the day into `month`
// ("{may 27}", printed as is), and has nowhere for the website's name in a @misc entry.
import type { CSL } from '@citation-js/core';
import { Cite } from '@citation-js/core';
import { dateParts, type DateParts } from './csl.ts';
import { formatBibtexObject } from './engine.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** plugin-bibtex's escaping of free text (specials, and accents as {\' e}), applied to several strings at once. */
function escapeAll(texts: string[]): string[] {
	if (texts.length === 0) return [];
	const items = texts.map((note, i) => ({ id: `t${i}`, type: 'document', note }));
	const entries = new Cite(items).format('bibtex', { format: 'object' }) as unknown as {
		properties: { note?: string };
	}[];
	return entries.map((e) => e.properties.note ?? '');
}

// A name containing "and" must be braced, or BibTeX reads two authors.
const brace = (name: string) => (/\sand\s/i.test(name) ? `{${name}}` : name);

function authorField(names: CSL['author']): string {
	const list = names ?? [];
	const parts = escapeAll(list.flatMap((n) => (n.literal ? [n.literal] : [n.family ?? '', n.given ?? ''])));
	let i = 0;
	return list.map((n) => (n.literal ? `{${parts[i++]}}` : brace(`${parts[i++]}, ${parts[i++]}`))).join(' and ');
}

const iso = ([y, m, d]: DateParts) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A @misc entry, which both BibTeX and biblatex read. The access date goes twice: in `note`, the only place classic
 * BibTeX styles print it (Wikipedia's convention, which plugin-bibtex follows), and in `urldate`, where biblatex
 * and reference managers read it.
 */
export function toBibtex(item: CSL, key: string, containerTitle: string, consulted: Date): string {
	const [entry] = formatBibtexObject({ ...item, 'citation-key': key, publisher: containerTitle });
	const p = entry.properties;
	const issued = item.issued?.['date-parts']?.[0] as DateParts;
	const fields: [string, string][] = [
		['author', `{${authorField(item.author)}}`],
		['title', `{${p.title}}`],
		['howpublished', `{${p.publisher}}`],
		['year', `{${issued[0]}}`],
		// The standard month macro, unbraced, so every style spells the month in its own language.
		['month', MONTHS[issued[1] - 1]],
		['url', `{${p.url}}`],
		['urldate', `{${iso(dateParts(consulted))}}`],
		['note', `{${p.note}}`]
	];
	return `@misc{${entry.label},\n${fields.map(([k, v]) => `\t${k} = ${v},\n`).join('')}}\n`;
}
