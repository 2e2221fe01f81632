// Spam protection of shareNote (note-threads.ts): an author's shares count against an hourly limit. The rest of
// sharing is covered by note-threads.test.ts.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import { ForbiddenError, RateLimitedError } from '../../domain/errors.ts';
import { createCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import { createNote, CreateNoteInput, setNoteStatus } from '../notes/index.ts';
import { shareNote, ShareNoteInput } from './index.ts';

const t = useTestContext();

describe('sharing notes, past the hourly limit', () => {
	it('refuses the share with the seconds left, counts only shares made, and limits each author alone', async () => {
		const author = await makeAccount(t.ctx);
		const other = await makeAccount(t.ctx);
		const slug = `partage-${Math.random().toString(36).slice(2, 8)}`;
		const { id: communityId } = await createCommunity(t.ctx.db, await author.viewer(), {
			slug,
			name: `Partages ${slug}`,
			description: '',
			visibility: 'public'
		});
		const viewer = await author.viewer();
		await t.ctx.db.insert(schema.membership).values({ communityId, accountId: other.id, role: 'member', status: 'active' });
		const note = async (who: typeof author) => {
			const v = await who.viewer();
			const { id } = await createNote(
				t.ctx.db,
				v,
				CreateNoteInput.parse({ title: `Note ${Math.random()}`, body: 'x', visibility: 'public', communityId })
			);
			await setNoteStatus(t.ctx.db, v, id, 'published');
			return id;
		};
		const first = await note(author);
		const second = await note(author);
		await shareNote(t.ctx.db, viewer, first, ShareNoteInput.parse({}), 2);
		// Refused for another reason (not an author): it does not count.
		await expect(shareNote(t.ctx.db, await other.viewer(), first, ShareNoteInput.parse({}), 2)).rejects.toBeInstanceOf(ForbiddenError);
		await shareNote(t.ctx.db, viewer, second, ShareNoteInput.parse({ comment: 'Encore' }), 2);
		const refused = await shareNote(t.ctx.db, viewer, first, ShareNoteInput.parse({ comment: 'Une fois de trop' }), 2).catch(
			(e: unknown) => e
		);
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect((refused as RateLimitedError).fields).toEqual({ _: ['share_rate_limited'] });
		expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(3500);
		const cards = await t.ctx.db.select().from(schema.message).where(eq(schema.message.authorId, author.id));
		expect(cards.map((m) => m.body).sort()).toEqual(['', 'Encore']);
		// Another author shares freely.
		await shareNote(t.ctx.db, await other.viewer(), await note(other), ShareNoteInput.parse({}), 2);
	});
});
