import { describe, expect, it } from 'vitest';
import { contentDisposition, fileResponse, parseRange, type FileToServe } from './file-response.ts';

const BYTES = new TextEncoder().encode('0123456789');
const served = (over: Partial<FileToServe> = {}): FileToServe => ({
	id: 'AbCdEfGhIjKlMn_-',
	filename: 'Procès-verbal.pdf',
	mime: 'application/pdf',
	isPublic: false,
	file: {
		size: BYTES.length,
		modified: new Date('2026-11-01T12:00:00Z'),
		stream: (start = 0, end = BYTES.length - 1) => new Blob([BYTES.slice(start, end + 1)]).stream()
	},
	...over
});
const get = (headers: Record<string, string> = {}, method = 'GET') => new Request('http://x/files/a/b', { method, headers });

describe('parseRange', () => {
	// [header, size, range]
	const table: [string | null, number, ReturnType<typeof parseRange>][] = [
		[null, 10, null],
		['bytes=0-3', 10, { start: 0, end: 3 }],
		['bytes=5-', 10, { start: 5, end: 9 }],
		['bytes=-4', 10, { start: 6, end: 9 }],
		['bytes=-40', 10, { start: 0, end: 9 }],
		['bytes=8-100', 10, { start: 8, end: 9 }],
		['bytes=10-12', 10, 'unsatisfiable'],
		['bytes=4-2', 10, 'unsatisfiable'],
		['bytes=0-1,4-5', 10, null],
		['items=0-1', 10, null],
		['bytes=-', 10, null]
	];
	it.each(table)('%s of %d bytes', (header, size, range) => {
		expect(parseRange(header, size)).toEqual(range);
	});
});

describe('fileResponse', () => {
	it('sends the stored type, a safe disposition and no sniffing, private unless the note is public', async () => {
		const res = fileResponse(get(), served());
		expect(res.status).toBe(200);
		expect(Object.fromEntries(res.headers)).toMatchObject({
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="Proces-verbal.pdf"; filename*=UTF-8''Proc%C3%A8s-verbal.pdf`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-cache',
			'accept-ranges': 'bytes',
			'content-length': '10',
			etag: '"AbCdEfGhIjKlMn_-"'
		});
		expect(await res.text()).toBe('0123456789');
		const docx = fileResponse(get(), served({ mime: 'application/vnd.oasis.opendocument.text', filename: 'a.odt', isPublic: true }));
		expect(docx.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(docx.headers.get('content-security-policy')).toMatch(/^sandbox;/);
		expect(docx.headers.get('cache-control')).toBe('public, max-age=3600');
	});

	it('answers ranges with 206, impossible ones with 416, and revalidation with 304', async () => {
		const part = fileResponse(get({ range: 'bytes=2-4' }), served());
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe('bytes 2-4/10');
		expect(part.headers.get('content-length')).toBe('3');
		expect(await part.text()).toBe('234');
		const stale = fileResponse(get({ range: 'bytes=2-4', 'if-range': '"other"' }), served());
		expect(stale.status).toBe(200);
		const none = fileResponse(get({ range: 'bytes=20-' }), served());
		expect(none.status).toBe(416);
		expect(none.headers.get('content-range')).toBe('bytes */10');
		expect(fileResponse(get({ 'if-none-match': '"AbCdEfGhIjKlMn_-"' }), served()).status).toBe(304);
		const head = fileResponse(get({}, 'HEAD'), served());
		expect(head.headers.get('content-length')).toBe('10');
		expect(head.body).toBeNull();
	});

	it('writes names with quotes, slashes and non-Latin letters safely', () => {
		expect(contentDisposition('attachment', 'a"b\\c «d».pdf')).toBe(
			`attachment; filename="a_b_c _d_.pdf"; filename*=UTF-8''a%22b%5Cc%20%C2%ABd%C2%BB.pdf`
		);
	});
});
