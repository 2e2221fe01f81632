import { redirect } from '@sveltejs/kit';
import { getProfile, presentProfile } from '#lib/server/profiles/index.ts';
import { listNotes, ListNotesQuery } from '#lib/server/notes/index.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const view = await getProfile(locals.app.ctx.db, locals.viewer, params.handle).catch(rethrowForPage);
	// Handles are case-insensitive; one URL per person keeps links and citations stable (DESIGN §7).
	if (params.handle !== view.profile.handle) redirect(301, `/${locals.lang}/u/${view.profile.handle}`);
	// Published notes only, as the viewer may see them: drafts belong on the author's own "My notes".
	const notes = await listNotes(
		locals.app.ctx.db,
		locals.viewer,
		ListNotesQuery.parse({ author: view.profile.handle, status: 'published', limit: 50 })
	);
	return { profile: presentProfile(view, locals.lang), notes: notes.items, moreNotes: notes.next !== null };
};
