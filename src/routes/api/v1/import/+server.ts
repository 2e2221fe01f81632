import { ValidationError } from '#lib/domain/errors.ts';
import { ImportQuery, importMarkdown, MAX_IMPORT_BYTES, readZip } from '#lib/server/exchange/index.ts';
import { api, methodNotAllowed, ok, readQuery, requireAccount, UnsupportedMediaTypeError } from '#lib/server/http/api.ts';
import type { RequestHandler } from './$types';

// A zip is not a form type: a browser cannot send it cross-site without a CORS preflight, which we never grant.
const ZIP_TYPES = new Set(['application/zip', 'application/x-zip-compressed', 'application/octet-stream']);

/**
 * POST a zip of Markdown files (raw body, Content-Type: application/zip) with a token: the same import as
 * `npm run import`, which calls it when the app holds the embedded database. Answers the report.
 */
export const POST: RequestHandler = api(
	async (event) => {
		const { viewer } = requireAccount(event.locals);
		const type = event.request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
		if (!ZIP_TYPES.has(type)) throw new UnsupportedMediaTypeError('Send the zip as the body, with Content-Type: application/zip');
		const query = readQuery(event.url, ImportQuery);
		const bytes = new Uint8Array(await event.request.arrayBuffer());
		if (bytes.length > MAX_IMPORT_BYTES) throw new ValidationError('archive too large', { file: ['zip_too_large'] });
		const report = await importMarkdown(event.locals.app.ctx.db, viewer, readZip(bytes), {
			notebookId: query.notebookId,
			notebookTitle: query.notebook
		});
		return ok(report);
	},
	{ uploads: true }
);

export const fallback = methodNotAllowed('POST');
