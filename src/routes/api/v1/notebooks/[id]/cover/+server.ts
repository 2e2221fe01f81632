import { api, methodNotAllowed, noContent, ok, presentAt, requireAccount } from '#lib/server/http/api.ts';
import { readUpload } from '#lib/server/http/upload.ts';
import { CoverInput, getNotebook, presentNotebook, removeNotebookCover, setNotebookCover } from '#lib/server/notebooks/index.ts';
import type { RequestHandler } from './$types';

/** Managers set the cover picture with its alt text; answers the notebook, whose `cover.url` serves the new picture. */
export const PUT: RequestHandler = api(
	async (event) => {
		const { viewer } = requireAccount(event.locals);
		const { file, altText } = await readUpload(event);
		// Checked before the picture is decoded: a cover without its text alternative is refused whatever it is.
		const { coverAlt } = CoverInput.parse({ coverAlt: altText });
		const ctx = event.locals.app.ctx;
		await setNotebookCover(ctx, viewer, event.params.id, file instanceof Blob ? file : new Blob([new Uint8Array(file)]), coverAlt);
		return ok(presentNotebook(await getNotebook(ctx.db, viewer, event.params.id), presentAt(event.locals)));
	},
	{ uploads: true }
);

export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	await removeNotebookCover(locals.app.ctx, viewer, params.id);
	return noContent();
});

export const fallback = methodNotAllowed('PUT, DELETE');
