import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../domain/errors.ts';
import { exportResponse } from './export-response.ts';

describe('exportResponse', () => {
	it('shows the HTML export inline, private and with no script allowed', async () => {
		const res = await exportResponse('notebook-abc', 'html', async () => '<h1>Carnet</h1>');
		expect(Object.fromEntries(res.headers)).toEqual({
			'content-type': 'text/html; charset=utf-8',
			'content-disposition': 'inline; filename="notebook-abc.html"',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; media-src *; frame-src https:"
		});
		expect(await res.text()).toBe('<h1>Carnet</h1>');
	});

	it('saves the zip export as an attachment, private', async () => {
		const res = await exportResponse('knowledge-base-abc', 'zip', async () => new Uint8Array([80, 75, 5, 6]));
		expect(Object.fromEntries(res.headers)).toEqual({
			'content-type': 'application/zip',
			'content-disposition': 'attachment; filename="knowledge-base-abc.zip"',
			'cache-control': 'private, no-store'
		});
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([80, 75, 5, 6]));
	});

	it('answers a plain 404 page for what the viewer may not see', async () => {
		const thrown = await exportResponse('notebook-abc', 'zip', () => Promise.reject(new NotFoundError('Notebook 123 is private'))).catch(
			(e: unknown) => e
		);
		expect(isHttpError(thrown, 404) && thrown.body.message).toBe('Not found');
	});
});
