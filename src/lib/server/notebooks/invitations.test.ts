import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { canContributeToNotebook, canManageNotebook, canViewNotebook } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { schema } from '../db/index.ts';
import { createNote, CreateNoteInput, setNoteStatus } from '../notes/index.ts';
import {
	acceptNotebookInvitation,
	addCategory,
	changeNotebookMemberRole,
	createNotebook,
	CreateNotebookInput,
	declineNotebookInvitation,
	findNotebookWithFacts,
	getNotebook,
	getNotebookMembers,
	includeNote,
	inviteNotebookMember,
	listMyNotebookInvitations,
	listNotebookInvitations,
	listNotebookMembers,
	removeFromNotebook,
	removeNotebookMember,
	withdrawNotebookInvitation
} from './index.ts';

const t = useTestContext();

async function notebookOf(manager: Viewer, visibility: 'public' | 'private' = 'public') {
	return (await createNotebook(t.ctx.db, manager, CreateNotebookInput.parse({ title: `Carnet ${visibility}`, visibility }))).id;
}

async function publishedNote(viewer: Viewer) {
	const { id } = await createNote(t.ctx.db, viewer, CreateNoteInput.parse({ title: 'Une note' }));
	await setNoteStatus(t.ctx.db, viewer, id, 'published');
	return id;
}

const facts = async (id: string) => (await findNotebookWithFacts(t.ctx.db, id))!.facts;

/** The error a use case throws, to check its field codes as well as its class. */
const caught = (p: Promise<unknown>) =>
	p.then(
		() => {
			throw new Error('expected a rejection');
		},
		(e: unknown) => e
	);

describe('notebook invitations', () => {
	it('grant nothing until accepted; accepting makes a contributor who may add notes', async () => {
		const [host, invitee] = [await makeAccount(t.ctx), await makeAccount(t.ctx)];
		const hostV = await host.viewer();
		const nb = await notebookOf(hostV, 'private');
		await inviteNotebookMember(t.ctx.db, hostV, nb, `@${invitee.handle.toUpperCase()}`, 'contributor');

		expect((await listNotebookInvitations(t.ctx.db, nb)).map((i) => [i.handle, i.role, i.invitedByHandle])).toEqual([
			[invitee.handle, 'contributor', host.handle]
		]);
		const mine = await listMyNotebookInvitations(t.ctx.db, await invitee.viewer());
		expect(mine).toEqual([
			expect.objectContaining({ notebookId: nb, title: 'Carnet private', role: 'contributor', invitedByHandle: host.handle })
		]);

		// Invited is not yet a member: the private notebook stays hidden, and closed to contributions.
		expect(canViewNotebook(await invitee.viewer(), await facts(nb))).toBe(false);
		await expect(getNotebook(t.ctx.db, await invitee.viewer(), nb)).rejects.toThrow(NotFoundError);
		const note = await publishedNote(await invitee.viewer());
		await expect(includeNote(t.ctx.db, await invitee.viewer(), nb, { noteId: note, categoryIds: [] })).rejects.toThrow(NotFoundError);
		expect((await listNotebookMembers(t.ctx.db, nb)).map((m) => m.handle)).toEqual([host.handle]);

		expect(await acceptNotebookInvitation(t.ctx.db, await invitee.viewer(), nb)).toEqual({ role: 'contributor' });
		const after = await invitee.viewer();
		expect(canViewNotebook(after, await facts(nb))).toBe(true);
		expect(canContributeToNotebook(after, await facts(nb))).toBe(true);
		expect(canManageNotebook(after, await facts(nb))).toBe(false);
		await includeNote(t.ctx.db, after, nb, { noteId: note, categoryIds: [] });
		expect((await getNotebook(t.ctx.db, after, nb)).noteCount).toBe(1);
		expect(await listNotebookInvitations(t.ctx.db, nb)).toEqual([]);
		expect(await listMyNotebookInvitations(t.ctx.db, after)).toEqual([]);
		await expect(acceptNotebookInvitation(t.ctx.db, after, nb)).rejects.toThrow(NotFoundError);
	});

	it('makes a manager of someone invited as one', async () => {
		const [host, invitee] = [await makeAccount(t.ctx), await makeAccount(t.ctx)];
		const nb = await notebookOf(await host.viewer());
		await inviteNotebookMember(t.ctx.db, await host.viewer(), nb, invitee.handle, 'manager');
		await expect(addCategory(t.ctx.db, await invitee.viewer(), nb, { list: 0, name: 'Thème' })).rejects.toThrow(ForbiddenError);
		await acceptNotebookInvitation(t.ctx.db, await invitee.viewer(), nb);
		await addCategory(t.ctx.db, await invitee.viewer(), nb, { list: 0, name: 'Thème' });
		expect((await listNotebookMembers(t.ctx.db, nb)).map((m) => m.role)).toEqual(['manager', 'manager']);
	});

	it('may be declined or withdrawn, and then answered no more', async () => {
		const [host, a, b] = [await makeAccount(t.ctx), await makeAccount(t.ctx), await makeAccount(t.ctx)];
		const hostV = await host.viewer();
		const nb = await notebookOf(hostV);
		await inviteNotebookMember(t.ctx.db, hostV, nb, a.handle, 'contributor');
		await inviteNotebookMember(t.ctx.db, hostV, nb, b.handle, 'contributor');

		await declineNotebookInvitation(t.ctx.db, await a.viewer(), nb);
		await withdrawNotebookInvitation(t.ctx.db, hostV, nb, b.id);
		for (const person of [a, b]) {
			expect(await listMyNotebookInvitations(t.ctx.db, await person.viewer())).toEqual([]);
			await expect(acceptNotebookInvitation(t.ctx.db, await person.viewer(), nb)).rejects.toThrow(NotFoundError);
			await expect(declineNotebookInvitation(t.ctx.db, await person.viewer(), nb)).rejects.toThrow(NotFoundError);
		}
		await expect(withdrawNotebookInvitation(t.ctx.db, hostV, nb, b.id)).rejects.toThrow(NotFoundError);
		expect((await listNotebookMembers(t.ctx.db, nb)).map((m) => m.handle)).toEqual([host.handle]);
		// Declined, they may be invited again.
		await inviteNotebookMember(t.ctx.db, hostV, nb, a.handle, 'manager');
		await expect(acceptNotebookInvitation(t.ctx.db, anonymous, nb)).rejects.toThrow(UnauthorizedError);
	});

	it('refuses unknown handles, members, duplicates, and everyone but managers', async () => {
		const [host, contributor, stranger] = [await makeAccount(t.ctx), await makeAccount(t.ctx), await makeAccount(t.ctx)];
		const hostV = await host.viewer();
		const nb = await notebookOf(hostV);
		const secret = await notebookOf(hostV, 'private');
		await inviteNotebookMember(t.ctx.db, hostV, nb, contributor.handle, 'contributor');
		await acceptNotebookInvitation(t.ctx.db, await contributor.viewer(), nb);

		const unknown = await caught(inviteNotebookMember(t.ctx.db, hostV, nb, 'personne-inconnue', 'contributor'));
		expect(unknown).toBeInstanceOf(ValidationError);
		expect((unknown as ValidationError).fields).toEqual({ handle: ['author_not_found'] });
		const member = await caught(inviteNotebookMember(t.ctx.db, hostV, nb, contributor.handle, 'manager'));
		expect(member).toBeInstanceOf(ConflictError);
		expect((member as ConflictError).fields).toEqual({ handle: ['notebook_member_already'] });
		await inviteNotebookMember(t.ctx.db, hostV, nb, stranger.handle, 'contributor');
		const twice = await caught(inviteNotebookMember(t.ctx.db, hostV, nb, stranger.handle, 'manager'));
		expect(twice).toBeInstanceOf(ConflictError);
		expect((twice as ConflictError).fields).toEqual({ handle: ['notebook_invitation_already'] });

		// A contributor sees the notebook but may not invite (403); a private notebook is hidden from a stranger (404).
		const contributorV = await contributor.viewer();
		await expect(inviteNotebookMember(t.ctx.db, contributorV, nb, host.handle, 'contributor')).rejects.toThrow(ForbiddenError);
		await expect(withdrawNotebookInvitation(t.ctx.db, contributorV, nb, stranger.id)).rejects.toThrow(ForbiddenError);
		await expect(inviteNotebookMember(t.ctx.db, await stranger.viewer(), secret, contributor.handle, 'contributor')).rejects.toThrow(
			NotFoundError
		);
		await expect(inviteNotebookMember(t.ctx.db, anonymous, nb, contributor.handle, 'contributor')).rejects.toThrow(ForbiddenError);

		// Only managers learn who is invited.
		expect((await getNotebookMembers(t.ctx.db, hostV, nb)).invitations?.map((i) => i.handle)).toEqual([stranger.handle]);
		expect((await getNotebookMembers(t.ctx.db, contributorV, nb)).invitations).toBeNull();
		await expect(getNotebookMembers(t.ctx.db, await stranger.viewer(), secret)).rejects.toThrow(NotFoundError);
	});

	it('disappear with a deleted notebook', async () => {
		const [host, invitee] = [await makeAccount(t.ctx), await makeAccount(t.ctx)];
		const nb = await notebookOf(await host.viewer());
		await inviteNotebookMember(t.ctx.db, await host.viewer(), nb, invitee.handle, 'contributor');
		await t.ctx.db.update(schema.notebook).set({ deletedAt: new Date() }).where(eq(schema.notebook.id, nb));
		expect(await listMyNotebookInvitations(t.ctx.db, await invitee.viewer())).toEqual([]);
		await expect(acceptNotebookInvitation(t.ctx.db, await invitee.viewer(), nb)).rejects.toThrow(NotFoundError);
	});
});

describe('notebook roles', () => {
	it('promotes and demotes, and always keeps one manager', async () => {
		const [host, other] = [await makeAccount(t.ctx), await makeAccount(t.ctx)];
		const hostV = await host.viewer();
		const nb = await notebookOf(hostV);
		const lastManager = await caught(changeNotebookMemberRole(t.ctx.db, hostV, nb, host.id, 'contributor'));
		expect(lastManager).toBeInstanceOf(ConflictError);
		expect((lastManager as ConflictError).fields).toEqual({ _: ['notebook_last_manager'] });
		await expect(removeNotebookMember(t.ctx.db, hostV, nb, host.id)).rejects.toThrow(ConflictError);
		await expect(removeFromNotebook(t.ctx.db, hostV, nb, host.id)).rejects.toThrow(ConflictError);

		await inviteNotebookMember(t.ctx.db, hostV, nb, other.handle, 'contributor');
		await acceptNotebookInvitation(t.ctx.db, await other.viewer(), nb);
		await expect(changeNotebookMemberRole(t.ctx.db, await other.viewer(), nb, other.id, 'manager')).rejects.toThrow(ForbiddenError);
		await changeNotebookMemberRole(t.ctx.db, hostV, nb, other.id, 'manager');
		expect(canManageNotebook(await other.viewer(), await facts(nb))).toBe(true);

		// Two managers: the host may step down, and then the other is the last one.
		await changeNotebookMemberRole(t.ctx.db, hostV, nb, host.id, 'contributor');
		expect(canManageNotebook(await host.viewer(), await facts(nb))).toBe(false);
		await expect(changeNotebookMemberRole(t.ctx.db, await other.viewer(), nb, other.id, 'contributor')).rejects.toThrow(ConflictError);
		await removeNotebookMember(t.ctx.db, await other.viewer(), nb, host.id);
		expect((await listNotebookMembers(t.ctx.db, nb)).map((m) => [m.handle, m.role])).toEqual([[other.handle, 'manager']]);
		await expect(changeNotebookMemberRole(t.ctx.db, await other.viewer(), nb, host.id, 'manager')).rejects.toThrow(NotFoundError);
	});

	it('removes a member or withdraws an invitation through one call, and 404s for anyone else', async () => {
		const [host, member, invitee, nobody] = [
			await makeAccount(t.ctx),
			await makeAccount(t.ctx),
			await makeAccount(t.ctx),
			await makeAccount(t.ctx)
		];
		const hostV = await host.viewer();
		const nb = await notebookOf(hostV);
		await inviteNotebookMember(t.ctx.db, hostV, nb, member.handle, 'contributor');
		await acceptNotebookInvitation(t.ctx.db, await member.viewer(), nb);
		await inviteNotebookMember(t.ctx.db, hostV, nb, invitee.handle, 'contributor');

		await removeFromNotebook(t.ctx.db, hostV, nb, member.id);
		await removeFromNotebook(t.ctx.db, hostV, nb, invitee.id);
		expect((await listNotebookMembers(t.ctx.db, nb)).map((m) => m.handle)).toEqual([host.handle]);
		expect(await listNotebookInvitations(t.ctx.db, nb)).toEqual([]);
		await expect(removeFromNotebook(t.ctx.db, hostV, nb, nobody.id)).rejects.toThrow(NotFoundError);
		expect(canContributeToNotebook(await member.viewer(), await facts(nb))).toBe(false);
	});
});
