// Citations of a note (issue 3): APA 7, MLA 9, Chicago 17 author-date, BibTeX, RIS and CSL-JSON, with the date
// consulted, made by citation-js. Pure formatting: loading the note and checking who may see it is the caller's.
export { formatCitation, type Citation } from './format-citation.ts';
export { warmCitations } from './warm-citations.ts';
export { CITATION_FORMATS, CitationFormat } from './schemas.ts';
export type { CitableWork } from './csl.ts';
export type { CitableAuthor } from './names.ts';
export type { CitationLang } from './engine.ts';
