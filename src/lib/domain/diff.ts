import { diffWords } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Word-level differences between two texts, as readers compare revisions (jsdiff). */
export function diffText(before: string, after: string): DiffPart[] {
	return diffWords(before, after).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/** How much changed, for the history list: words added and removed. */
export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
	const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
	return {
		added: parts.filter((p) => p.kind === 'added').reduce((n, p) => n + words(p.text), 0),
		removed: parts.filter((p) => p.kind === 'removed').reduce((n, p) => n + words(p.text), 0)
	};
}
