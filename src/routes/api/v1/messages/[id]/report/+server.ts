import { api, created, methodNotAllowed, readJson, requireAccount } from '#lib/server/http/api.ts';
import { reportMessage, ReportInput } from '#lib/server/discussions/index.ts';
import type { RequestHandler } from './$types';

/** A member who may read the message reports it to the hosts, once. */
export const POST: RequestHandler = api(async ({ locals, params, request, url }) => {
	const { viewer } = requireAccount(locals);
	const report = await reportMessage(locals.app.ctx.db, viewer, params.id, await readJson(request, ReportInput));
	return created({ id: report.id, createdAt: report.createdAt.toISOString() }, url.href);
});

export const fallback = methodNotAllowed('POST');
