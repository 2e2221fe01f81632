// A notebook's cover picture, for whoever may see the notebook (DESIGN §6); everyone else gets the same 404 as for a
// cover that never existed. The file name is the cover's key: a new picture gets a new URL, so each may be kept long.
import { isDomainError } from '#lib/domain/errors.ts';
import { openNotebookCover } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

// Never cached anywhere: a manager and an outsider ask the same URL and must not share this answer.
const notFound = () =>
	new Response('Not found', {
		status: 404,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', vary: 'Cookie, Authorization' }
	});

// Browsers keep a version for a year. Shared caches keep a public cover an hour at most, since a public notebook may
// become private; a cover only some may see stays out of them.
const PUBLIC = 'public, max-age=31536000, s-maxage=3600, immutable';
const PRIVATE = 'private, max-age=31536000, immutable';

const serve: RequestHandler = async ({ params, locals, request }) => {
	const key = params.file.match(/^(.+)\.webp$/)?.[1];
	if (!key) return notFound();
	try {
		const { bytes, isPublic } = await openNotebookCover(locals.app.ctx, locals.viewer, params.id, key);
		const etag = `"${key}"`;
		const headers = new Headers({
			'content-type': 'image/webp',
			'cache-control': isPublic ? PUBLIC : PRIVATE,
			'cross-origin-resource-policy': isPublic ? 'cross-origin' : 'same-origin',
			etag
		});
		if (!isPublic) headers.set('vary', 'Cookie, Authorization');
		if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
		headers.set('content-length', String(bytes.length));
		return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), { headers });
	} catch (e) {
		if (isDomainError(e) && e.status === 404) return notFound();
		throw e;
	}
};

export const GET = serve;
export const HEAD = serve;
