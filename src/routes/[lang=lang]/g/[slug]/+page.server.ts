import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { NotFoundError } from '#lib/domain/errors.ts';
import {
	changeRole,
	decideRequest,
	getCommunity,
	inviteByEmail,
	InviteInput,
	joinCommunity,
	leaveCommunity,
	MemberDecision,
	presentCommunityView,
	RoleChange
} from '#lib/server/communities/index.ts';
import { filesOf, handleForm, isFormFailure, textOf, type FormState } from '#lib/server/http/forms.ts';
import { rethrowForPage } from '#lib/server/http/problem.ts';
import { listNotebooks } from '#lib/server/notebooks/index.ts';
import { getCommunityDiscussion, startThread, StartThreadForm, withMessageFiles } from '#lib/server/discussions/index.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const view = await getCommunity(locals.app.ctx.db, locals.viewer, params.slug).catch(rethrowForPage);
	// Slugs are matched case-insensitively; one address per community keeps links and citations stable.
	if (view.community.slug !== params.slug) redirect(308, `/${locals.lang}/g/${view.community.slug}${url.search}`);
	return {
		community: presentCommunityView(view),
		notebooks: await listNotebooks(locals.app.ctx.db, locals.viewer, { communityId: view.community.id }),
		// Null for whoever may not read the community's discussions: no threads, no counts.
		discussion: await getCommunityDiscussion(
			locals.app.ctx.db,
			locals.viewer,
			view.community.slug,
			url.searchParams.get('cursor') ?? undefined
		),
		posted: url.searchParams.has('posted'),
		created: url.searchParams.has('created'),
		welcome: url.searchParams.has('welcome')
	};
};

type Action = 'join' | 'leave' | 'decide' | 'invite' | 'role';

/** Every action needs an account: anonymous posts go to sign-in and come back here. */
function requireAccount({ locals, url }: RequestEvent) {
	if (!locals.account) redirect(303, `/${locals.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
}

/** Tags a failure with its action, so the page shows the error beside the form that caused it. */
function tagged<R>(action: Action, result: R | ActionFailure<FormState>) {
	return isFormFailure(result) ? fail(result.status, { ...result.data, action }) : result;
}

const NoInput = z.object({});

export const actions: Actions = {
	post: async (event) => {
		requireAccount(event);
		const { locals, params, request } = event;
		const alsoIn = (await request.clone().formData()).getAll('alsoIn').filter((v): v is string => typeof v === 'string');
		const result = await handleForm(request, StartThreadForm, async ({ body, title }, form) => {
			const { ctx } = locals.app;
			const { slug } = await withMessageFiles(ctx, filesOf(form), textOf(form, 'alt'), (files) =>
				startThread(ctx.db, locals.viewer, params.slug, { body, title, alsoIn }, files)
			);
			redirect(303, `/${locals.lang}/g/${slug}?posted#discussions`);
		});
		return isFormFailure(result) ? fail(result.status, { ...result.data, action: 'post' as const, alsoIn }) : result;
	},
	join: async (event) => {
		requireAccount(event);
		const { locals, params, request } = event;
		const result = await handleForm(request, NoInput, async () => ({
			action: 'join' as const,
			done: await joinCommunity(locals.app.ctx, locals.viewer, params.slug)
		}));
		return tagged('join', result);
	},
	leave: async (event) => {
		requireAccount(event);
		const { locals, params, request } = event;
		const result = await handleForm(request, NoInput, async () => {
			const ended = await leaveCommunity(locals.app.ctx.db, locals.viewer, params.slug);
			// Leaving a secret community (or declining its invitation) hides it: say so on the list, not with a 404.
			const stillVisible = await getCommunity(locals.app.ctx.db, locals.viewer, params.slug).then(
				() => true,
				(e: unknown) => (e instanceof NotFoundError ? false : Promise.reject(e))
			);
			if (!stillVisible) redirect(303, `/${locals.lang}/g?${ended === 'invited' ? 'declined' : 'left'}`);
			return { action: 'leave' as const, done: ended };
		});
		return tagged('leave', result);
	},
	decide: async (event) => {
		requireAccount(event);
		const { locals, params, request } = event;
		const result = await handleForm(request, MemberDecision, async ({ accountId, decision }) => ({
			action: 'decide' as const,
			done: decision,
			name: (await decideRequest(locals.app.ctx.db, locals.viewer, params.slug, accountId, decision)).displayName
		}));
		return tagged('decide', result);
	},
	invite: async (event) => {
		requireAccount(event);
		const { locals, params, request } = event;
		const result = await handleForm(request, InviteInput, async ({ email }) => ({
			action: 'invite' as const,
			done: await inviteByEmail(locals.app.ctx, locals.viewer, params.slug, email, locals.lang),
			email
		}));
		return tagged('invite', result);
	},
	role: async (event) => {
		requireAccount(event);
		const { locals, params, request } = event;
		const result = await handleForm(request, RoleChange, async ({ accountId, role }) => ({
			action: 'role' as const,
			done: role,
			name: (await changeRole(locals.app.ctx.db, locals.viewer, params.slug, accountId, role)).displayName
		}));
		return tagged('role', result);
	}
};
