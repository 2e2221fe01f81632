import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { listReports, resolveReport, setMessageHidden } from '#lib/server/discussions/index.ts';
import { handleForm } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Hosts only: anonymous visitors sign in first; others get 403, or 404 when they may not see the community. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.account) redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
	return await listReports(locals.app.ctx.db, locals.viewer, params.slug).catch(rethrowForPage);
};

function requireAccount({ locals, url }: RequestEvent) {
	if (!locals.account) redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
}

export const actions: Actions = {
	resolve: async (event) => {
		requireAccount(event);
		const { locals, params, request } = event;
		return handleForm(request, z.object({ reportId: z.string().min(1).max(64) }), async ({ reportId }) => {
			await resolveReport(locals.app.ctx.db, locals.viewer, params.slug, reportId);
			return { resolved: true };
		});
	},
	hide: async (event) => {
		requireAccount(event);
		const { locals, request } = event;
		return handleForm(
			request,
			z.object({ messageId: z.string().min(1).max(64), hidden: z.enum(['0', '1']) }),
			async ({ messageId, hidden }) => {
				await setMessageHidden(locals.app.ctx.db, locals.viewer, messageId, hidden === '1');
				return { hidden: hidden === '1' };
			}
		);
	}
};
