// Note bodies: Markdown in, sanitised HTML with anchors, wiki links and embeds out (DESIGN §3 content).
export { renderNoteBody, LAYOUT_IDS, type RenderNoteBodyOptions, type RenderedNoteBody } from './render-note-body.ts';
export { tocWorthShowing } from './toc.ts';
export type { LinkedAttachment, LookupAttachment, ResolveWikiLink, ResolvedNote, TocEntry } from './env.ts';
export { DEFAULT_PEERTUBE_HOSTS } from './embeds.ts';
