import { listAttachments, uploadAttachment } from '#lib/server/attachments/index.ts';
import { api, created, methodNotAllowed, ok, requireAccount } from '#lib/server/http/api.ts';
import { readUpload } from '#lib/server/http/upload.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	ok({ items: await listAttachments(locals.app.ctx, locals.viewer, params.id) })
);

export const POST: RequestHandler = api(
	async (event) => {
		const { viewer } = requireAccount(event.locals);
		const upload = await readUpload(event);
		const attachment = await uploadAttachment(event.locals.app.ctx, viewer, event.params.id, upload);
		return created(attachment, new URL(`/api/v1/notes/${event.params.id}/attachments/${attachment.id}`, event.url).href);
	},
	{ uploads: true }
);

export const fallback = methodNotAllowed('GET, POST');
