import { z } from 'zod';

export const CITATION_FORMATS = ['apa', 'mla', 'chicago', 'bibtex', 'ris', 'csl-json'] as const;

export const CitationFormat = z
	.enum(CITATION_FORMATS)
	.describe('Citation format: APA 7, MLA 9, Chicago 17 author-date, BibTeX, RIS or CSL-JSON');
export type CitationFormat = z.infer<typeof CitationFormat>;
