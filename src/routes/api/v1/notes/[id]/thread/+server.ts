import { api, created, methodNotAllowed, ok, presentAt, requireAccount } from '#lib/server/http/api.ts';
import { discussNote, getThread, noteThreadId, presentThreadSummary } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

const summaryOf = async (locals: App.Locals, threadId: string) => {
	const view = await getThread(locals.app.ctx.db, locals.viewer, threadId, { lang: locals.lang, origin: locals.app.ctx.config.publicUrl });
	return presentThreadSummary(view, presentAt(locals));
};

/** The thread about the note: 404 when there is none, or the caller may not see the note or read the thread. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const threadId = await noteThreadId(locals.app.ctx.db, locals.viewer, params.id);
	return ok(await summaryOf(locals, threadId));
});

/** "Discuss this note": the thread about the note (200), made on first use by an active member of its community (201). */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const { viewer } = requireAccount(locals);
	const { threadId, created: made } = await discussNote(locals.app.ctx.db, viewer, params.id);
	const body = await summaryOf(locals, threadId);
	return made ? created(body, `${locals.app.ctx.config.publicUrl}/api/v1/threads/${threadId}`) : ok(body);
});

export const fallback = methodNotAllowed('GET, POST');
