import { api, created, methodNotAllowed, readJson, requireAccount } from '#lib/server/http/api.ts';
import { shareNote, ShareNoteInput, threadPath } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** An author shares the note into its community's discussion: a card in the note's thread; members are notified. */
export const POST: RequestHandler = api(async ({ locals, params, request }) => {
	const { viewer } = requireAccount(locals);
	// The comment is optional: an empty body shares the card alone.
	const input =
		request.headers.get('content-length') === '0' || request.body === null
			? ShareNoteInput.parse({})
			: await readJson(request, ShareNoteInput);
	const { db, config } = locals.app.ctx;
	const { threadId, slug, messageId } = await shareNote(db, viewer, params.id, input, config.messagingLimits.sharesPerHour);
	const { publicUrl } = config;
	const url = `${publicUrl}${threadPath(locals.lang, slug, threadId)}#m-${messageId}`;
	return created({ threadId, messageId, url }, `${publicUrl}/api/v1/threads/${threadId}`);
});

export const fallback = methodNotAllowed('POST');
