// Files of messages: checked and stored like a note's, shown with the message, served to whoever may read the
// message and to nobody else, and gone with it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import * as files from '../../../../tests/support/files.ts';
import { ATTACHMENT_MAX_BYTES } from '../../domain/attachments.ts';
import { NotFoundError, PayloadTooLargeError, UnsupportedMediaError, ValidationError, type DomainError } from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { listAdminViews } from '../admin/index.ts';
import { createCommunity, joinCommunity } from '../communities/index.ts';
import { schema } from '../db/index.ts';
import {
	deleteMessageWithFiles,
	getThread,
	openMessageFile,
	postMessage,
	PostMessageInput,
	setMessageHidden,
	startThread,
	StartThreadInput,
	withMessageFiles,
	MESSAGE_FILES_MAX
} from './index.ts';

const t = useTestContext();
const at = { lang: 'fr' as const };
const storedKeys = () => {
	const dir = join(t.ctx.config.dataDir, 'files', 'attachments');
	return existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
};
const refusal = async (p: Promise<unknown>) => (await p.catch((e) => e)) as DomainError;
const file = (bytes: Uint8Array | Buffer, name: string) => new File([new Uint8Array(bytes)], name);

async function community(visibility: 'public' | 'closed') {
	const host = await makeAccount(t.ctx);
	const slug = `f-${visibility}-${Math.random().toString(36).slice(2, 8)}`;
	await createCommunity(t.ctx.db, await host.viewer(), { slug, name: `Fichiers ${slug}`, description: '', visibility });
	const member = await makeAccount(t.ctx);
	if (visibility === 'public') await joinCommunity(t.ctx, await member.viewer(), slug);
	else {
		const [c] = await t.ctx.db.select().from(schema.community).where(eq(schema.community.slug, slug));
		await t.ctx.db.insert(schema.membership).values({ communityId: c.id, accountId: member.id, role: 'member', status: 'active' });
	}
	return { slug, host, member };
}

/** A thread whose first message carries `uploads`, by the host. */
async function threadWithFiles(slug: string, host: Viewer, uploads: File[], alt = '') {
	return withMessageFiles(t.ctx, uploads, alt, (prepared) =>
		startThread(t.ctx.db, host, slug, StartThreadInput.parse({ body: 'Le compte rendu est joint.' }), prepared)
	);
}

const bytesOf = async (id: string, viewer: Viewer) =>
	Buffer.from(await new Response((await openMessageFile(t.ctx, viewer, id)).file.stream()).arrayBuffer());

describe('files of messages', () => {
	it('stores pictures without their metadata and shows the files with the message, in the order chosen', async () => {
		const c = await community('public');
		const host = await c.host.viewer();
		const { threadId } = await threadWithFiles(
			c.slug,
			host,
			[file(await files.pngWithExif(), 'carte.png'), file(files.pdf(), 'Compte rendu.pdf')],
			'La carte du quartier'
		);
		const view = await getThread(t.ctx.db, anonymous, threadId, at);
		const [first] = view.messages;
		expect(first.files.map((f) => [f.kind, f.filename, f.altText])).toEqual([
			['image', 'carte.png', 'La carte du quartier'],
			['document', 'Compte rendu.pdf', '']
		]);
		expect(first.html).toContain(`alt="La carte du quartier"`);
		expect(first.html).toContain(`/files/${first.files[1].id}/Compte%20rendu.pdf`);
		expect(first.html).toContain('class="file-card"');

		const png = await bytesOf(first.files[0].id, anonymous);
		const meta = await sharp(png).metadata();
		expect([meta.format, meta.exif]).toEqual(['png', undefined]);
		expect((await openMessageFile(t.ctx, anonymous, first.files[1].id)).isPublic).toBe(true);
	});

	it('names an undescribed picture by its file, and adds files to a reply', async () => {
		const c = await community('public');
		const { threadId } = await threadWithFiles(c.slug, await c.host.viewer(), []);
		const member = await c.member.viewer();
		const { messageId } = await withMessageFiles(t.ctx, [file(await files.pngWithExif(), 'IMG_2034.png')], '', (prepared) =>
			postMessage(t.ctx.db, member, threadId, PostMessageInput.parse({ body: 'Une photo' }), prepared)
		);
		const reply = (await getThread(t.ctx.db, member, threadId, at)).messages.find((m) => m.id === messageId)!;
		expect(reply.files.map((f) => f.altText)).toEqual(['IMG_2034']);
	});

	it('refuses a file a note would refuse, too many files or too many bytes, and keeps nothing of the refused message', async () => {
		const c = await community('public');
		const host = await c.host.viewer();
		const before = storedKeys();
		const refused = await refusal(threadWithFiles(c.slug, host, [file(files.pdf(), 'ok.pdf'), file(files.html(), 'page.pdf')]));
		expect(refused).toBeInstanceOf(UnsupportedMediaError);
		expect(refused.fields).toEqual({ file: ['file_type_refused'] });
		const many = Array.from({ length: MESSAGE_FILES_MAX + 1 }, (_, i) => file(files.pdf(), `f${i}.pdf`));
		const tooMany = await refusal(threadWithFiles(c.slug, host, many));
		expect([tooMany instanceof ValidationError, tooMany.fields]).toEqual([true, { file: ['message_files_too_many'] }]);
		const half = new Uint8Array(ATTACHMENT_MAX_BYTES / 2 + 1);
		expect(await refusal(threadWithFiles(c.slug, host, [file(half, 'a.pdf'), file(half, 'b.pdf')]))).toBeInstanceOf(PayloadTooLargeError);
		// A message its author may not post leaves no file either.
		const outsider = await (await makeAccount(t.ctx)).viewer();
		const { threadId } = await threadWithFiles(c.slug, host, []);
		const notMember = await refusal(
			withMessageFiles(t.ctx, [file(files.pdf(), 'x.pdf')], '', (prepared) =>
				postMessage(t.ctx.db, outsider, threadId, PostMessageInput.parse({ body: 'Intrus' }), prepared)
			)
		);
		expect(notMember.status).toBe(403);
		expect(storedKeys()).toEqual(before);
		// A browser's empty file field is no file.
		const empty = await threadWithFiles(c.slug, host, [new File([], '')]);
		expect((await getThread(t.ctx.db, host, empty.threadId, at)).messages[0].files).toEqual([]);
	});

	it('serves a file only to whoever may read its message: closed community, hidden and deleted messages', async () => {
		const c = await community('closed');
		const host = await c.host.viewer();
		const member = await c.member.viewer();
		const outsider = await (await makeAccount(t.ctx)).viewer();
		const admin = await (await makeAccount(t.ctx, { admin: true })).viewer();
		const { threadId } = await threadWithFiles(c.slug, member, [file(files.pdf(), 'interne.pdf')]);
		const [first] = (await getThread(t.ctx.db, member, threadId, at)).messages;
		const id = first.files[0].id;
		expect((await bytesOf(id, member)).length).toBeGreaterThan(0);
		expect((await openMessageFile(t.ctx, member, id)).isPublic).toBe(false);
		for (const nobody of [anonymous, outsider]) expect(await refusal(openMessageFile(t.ctx, nobody, id))).toBeInstanceOf(NotFoundError);
		// An admin reads it only through the role: that is logged.
		await openMessageFile(t.ctx, admin, id);
		expect(await listAdminViews(t.ctx.db, 'thread', threadId)).toHaveLength(1);

		await setMessageHidden(t.ctx.db, host, first.id, true);
		expect(await refusal(openMessageFile(t.ctx, member, id))).toBeInstanceOf(NotFoundError);
		expect((await bytesOf(id, host)).length).toBeGreaterThan(0);
		expect((await getThread(t.ctx.db, member, threadId, at)).messages[0].files).toEqual([]);
		await setMessageHidden(t.ctx.db, host, first.id, false);

		const keys = storedKeys();
		await deleteMessageWithFiles(t.ctx, member, first.id);
		expect(await refusal(openMessageFile(t.ctx, member, id))).toBeInstanceOf(NotFoundError);
		expect(storedKeys()).toHaveLength(keys.length - 1);
		expect((await getThread(t.ctx.db, host, threadId, at)).messages[0]).toMatchObject({ deleted: true, files: [], html: null });
	});
});
