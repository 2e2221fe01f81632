import { describe, expect, it } from 'vitest';
import { diffStats, diffText } from './diff.ts';

describe('word diff', () => {
	it('marks added and removed words, keeping the rest', () => {
		const parts = diffText('Les participant·es ont rêvé en commun', 'Les participant·es ont imaginé ensemble en commun');
		expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['rêvé']);
		expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['imaginé ensemble']);
		expect(parts.map((p) => (p.kind === 'removed' ? '' : p.text)).join('')).toBe('Les participant·es ont imaginé ensemble en commun');
		expect(diffStats(parts)).toEqual({ added: 2, removed: 1 });
	});

	it('finds nothing between equal texts', () => {
		expect(diffText('même texte', 'même texte')).toEqual([{ kind: 'same', text: 'même texte' }]);
	});
});
