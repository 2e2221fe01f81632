// A file's bytes, for whoever may see what carries it (DESIGN §6): a note's attachment through the note, a message's
// file through its thread. Everyone else gets the same 404 as for a file that never existed. The name in the path is
// for people and downloads: only the id is looked up.
import { isDomainError } from '#lib/domain/errors.ts';
import { openAttachment } from '#lib/server/attachments/index.ts';
import { openMessageFile } from '#lib/server/discussions/index.ts';
import { fileResponse } from '#lib/server/http/file-response.ts';
import type { RequestHandler } from './$types';

// Never cached anywhere: the author and an outsider ask the same URL and must not share this answer.
const notFound = () =>
	new Response('Not found', {
		status: 404,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', vary: 'Cookie, Authorization' }
	});

const missing = (e: unknown) => isDomainError(e) && e.status === 404;

const serve: RequestHandler = async ({ params, locals, request }) => {
	const { ctx } = locals.app;
	try {
		const { attachment, file, isPublic } = await openAttachment(ctx, locals.viewer, params.id);
		return fileResponse(request, { id: attachment.id, filename: attachment.filename, mime: attachment.mime, file, isPublic });
	} catch (e) {
		if (!missing(e)) throw e;
	}
	try {
		return fileResponse(request, await openMessageFile(ctx, locals.viewer, params.id));
	} catch (e) {
		if (missing(e)) return notFound();
		throw e;
	}
};

export const GET = serve;
export const HEAD = serve;
