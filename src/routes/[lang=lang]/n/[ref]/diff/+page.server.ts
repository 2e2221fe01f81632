import { z } from 'zod';
import { compareRevisions, noteIdFromSegment } from '#lib/server/notes/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import { NotFoundError } from '#lib/domain/errors.ts';
import type { PageServerLoad } from './$types';

const Query = z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64) });

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db } = locals.app.ctx;
	try {
		const id = await noteIdFromSegment(db, locals.viewer, params.ref, url);
		const query = Query.safeParse(Object.fromEntries(url.searchParams));
		if (!query.success) throw new NotFoundError('Two revisions are needed');
		return { id, ...(await compareRevisions(db, locals.viewer, id, query.data.from, query.data.to)) };
	} catch (e) {
		rethrowForPage(e);
	}
};
