import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.ts';

describe('dates', () => {
	it('shows times in Quebec time, whatever the server zone', () => {
		const edited = new Date('2024-07-10T16:24:00-04:00');
		expect(formatDateTime(edited, 'fr')).toContain('16 h 24');
		expect(formatDate(new Date('2024-05-27T23:30:00-04:00'), 'en')).toBe('May 27, 2024');
	});
});
