import { describe, expect, it } from 'vitest';
import { noteIdCandidates, noteSegment } from './note-ref.ts';

describe('note URL segments', () => {
	it.each([
		['hyFh4E8AibDawZdxZGtAojyBHBY', ['hyFh4E8AibDawZdxZGtAojyBHBY']],
		['hyFh4E8AibDawZdxZGtAojyBHBY-atelier-4', ['hyFh4E8AibDawZdxZGtAojyBHBY-atelier-4', 'hyFh4E8AibDawZdxZGtAojyBHBY']],
		['a-b_c-d_e-f_g-h_-economie', ['a-b_c-d_e-f_g-h_-economie', 'a-b_c-d_e-f_g-h_']]
	])('%s', (segment, candidates) => expect(noteIdCandidates(segment)).toEqual(candidates));

	it('builds the canonical segment', () => {
		expect(noteSegment('abc', 'atelier-4')).toBe('abc-atelier-4');
		expect(noteSegment('abc', '')).toBe('abc');
	});
});
