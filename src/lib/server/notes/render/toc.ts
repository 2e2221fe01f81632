import type { TocEntry } from './env.ts';

/** A table of contents helps only in a long note with several sections; on a short one it is noise. */
export const tocWorthShowing = (toc: readonly TocEntry[], words: number): boolean => toc.length >= 3 && words >= 400;
