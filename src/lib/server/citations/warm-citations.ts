import { CSL_LOCALE, formatStyle, type CitationLang, type CitationStyle } from './engine.ts';

const STYLES: CitationStyle[] = ['apa', 'mla', 'chicago'];

/**
 * Formats a dummy note once per style and language, so that no reader waits the second or two citeproc takes to
 * build its engine for a new locale (DESIGN §3a). Call it at start-up, after the server listens: each step blocks
 * the event loop, so it yields between steps to let requests through.
 */
export async function warmCitations(): Promise<void> {
	for (const lang of Object.keys(CSL_LOCALE) as CitationLang[]) {
		for (const style of STYLES) {
			formatStyle(
				{
					id: 'warm-up',
					type: 'webpage',
					title: 'Warm-up',
					author: [{ family: 'Commonplace', given: 'A.' }],
					issued: { 'date-parts': [[2024, 1, 1]] },
					accessed: { 'date-parts': [[2024, 1, 2]] },
					URL: 'http://localhost/'
				},
				style,
				lang
			);
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
}
