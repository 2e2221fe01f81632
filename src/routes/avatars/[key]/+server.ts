import { error } from '@sveltejs/kit';
import { readAvatarFile } from '#lib/server/profiles/index.ts';
import type { RequestHandler } from './$types';

// Each picture has its own random key, so its bytes never change: browsers and CDNs may keep it for a year.
const CACHE = 'public, max-age=31536000, immutable';

export const GET: RequestHandler = async ({ params, request, locals }) => {
	const key = params.key.match(/^(.+)\.webp$/)?.[1];
	// readAvatarFile accepts only our own key shape, so "../" and friends never reach the file system.
	const bytes = key ? await readAvatarFile(locals.app.ctx.config.dataDir, key) : null;
	if (!key || !bytes) error(404, 'Not found');
	const etag = `"${key}"`;
	const headers = { 'cache-control': CACHE, etag, 'content-type': 'image/webp' };
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(bytes), { headers: { ...headers, 'content-length': String(bytes.length) } });
};
