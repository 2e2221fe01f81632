import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../tests/support/db.ts';
import { makeAccount } from '../../../../tests/support/factories.ts';
import * as files from '../../../../tests/support/files.ts';
import { ATTACHMENT_MAX_BYTES } from '../../domain/attachments.ts';
import {
	ForbiddenError,
	NotFoundError,
	PayloadTooLargeError,
	UnauthorizedError,
	UnsupportedMediaError,
	ValidationError,
	type DomainError
} from '../../domain/errors.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import { createNote, CreateNoteInput, setNoteStatus } from '../notes/index.ts';
import { deleteAttachment, listAttachments, openAttachment, updateAltText, uploadAttachment, type UploadInput } from './index.ts';

const t = useTestContext();
const stored = () => readdirSync(join(t.ctx.config.dataDir, 'files', 'attachments')).filter((f) => !f.startsWith('.'));

async function noteOf(viewer: Viewer, over: Record<string, unknown> = {}) {
	const { id } = await createNote(t.ctx.db, viewer, CreateNoteInput.parse({ title: 'Avec fichiers', visibility: 'public', ...over }));
	return id;
}

async function bytesOf(id: string, viewer: Viewer): Promise<Buffer> {
	const { file } = await openAttachment(t.ctx, viewer, id);
	return Buffer.from(await new Response(file.stream()).arrayBuffer());
}

const refusal = async (p: Promise<unknown>) => (await p.catch((e) => e)) as DomainError;
const upload = async (viewer: Viewer, noteId: string, bytes: Uint8Array | Buffer, filename: string, altText = '') =>
	uploadAttachment(t.ctx, viewer, noteId, { file: new File([new Uint8Array(bytes)], filename), altText });

describe('uploadAttachment', () => {
	it('stores a picture without its metadata and returns its address and the Markdown to insert', async () => {
		const author = await makeAccount(t.ctx);
		const a = await author.viewer();
		const noteId = await noteOf(a);
		const att = await upload(a, noteId, await files.pngWithExif(), 'Carte du quartier.png', '  Carte  des  lieux ');
		expect(att).toMatchObject({
			noteId,
			kind: 'image',
			mime: 'image/png',
			filename: 'Carte du quartier.png',
			altText: 'Carte des lieux',
			url: `${t.ctx.config.publicUrl}/files/${att.id}/Carte%20du%20quartier.png`,
			markdown: `![Carte des lieux](/files/${att.id}/Carte%20du%20quartier.png)`
		});
		const bytes = await bytesOf(att.id, a);
		expect(bytes.length).toBe(att.size);
		expect((await sharp(bytes).metadata()).exif).toBeUndefined();
		expect(bytes.includes(Buffer.from('SecretCam'))).toBe(false);

		const jpeg = await upload(a, noteId, await files.jpegWithExif(), 'photo.jpg');
		expect((await bytesOf(jpeg.id, a)).includes(Buffer.from('SecretCam'))).toBe(false);
		expect((await listAttachments(t.ctx, a, noteId)).map((x) => x.id)).toEqual([att.id, jpeg.id]);
	});

	it('accepts PDF, office documents, audio and video, named by their real type', async () => {
		const a = await (await makeAccount(t.ctx)).viewer();
		const noteId = await noteOf(a);
		// [bytes, given name, kind, mime, stored name]
		const table: [Uint8Array, string, string, string, string][] = [
			[files.pdf(), 'Procès-verbal.pdf', 'document', 'application/pdf', 'Procès-verbal.pdf'],
			[files.pdf(), 'notes.txt', 'document', 'application/pdf', 'notes.txt.pdf'],
			[files.docx(), 'bilan.docx', 'document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'bilan.docx'],
			[files.odt(), 'bilan', 'document', 'application/vnd.oasis.opendocument.text', 'bilan.odt'],
			[files.mp3(), 'entrevue.mp3', 'audio', 'audio/mpeg', 'entrevue.mp3'],
			[files.mp4(), 'atelier.mp4', 'video', 'video/mp4', 'atelier.mp4']
		];
		for (const [bytes, name, kind, mime, filename] of table) {
			const att = await upload(a, noteId, bytes, name);
			expect(att, name).toMatchObject({ kind, mime, filename, size: bytes.length, markdown: expect.stringMatching(/^\[/) });
			expect((await bytesOf(att.id, a)).equals(Buffer.from(bytes)), name).toBe(true);
		}
	});

	it('goes by the bytes: a page, a script, an installer or a macro document is refused whatever its name', async () => {
		const a = await (await makeAccount(t.ctx)).viewer();
		const noteId = await noteOf(a);
		const before = stored().length;
		for (const [bytes, name] of [
			[files.html(), 'photo.png'],
			[files.svg(), 'logo.svg'],
			[files.exe(), 'rapport.pdf'],
			[files.cfb(), 'ancien.doc'],
			[files.docm(), 'macros.docx'],
			[new TextEncoder().encode('nom,âge\nA,1\n'), 'tableau.csv']
		] as const) {
			const e = await refusal(upload(a, noteId, bytes, name));
			expect(e, name).toBeInstanceOf(UnsupportedMediaError);
			expect(e.status).toBe(415);
			expect(e.fields).toEqual({ file: ['file_type_refused'] });
			expect(e.extensions.accepted).toContain('application/pdf');
		}
		const empty = await refusal(upload(a, noteId, new Uint8Array(), 'vide.pdf'));
		expect(empty).toBeInstanceOf(ValidationError);
		expect(empty.fields).toEqual({ file: ['file_empty'] });
		const truncated = (await files.pngWithExif()).subarray(0, 60);
		expect((await refusal(upload(a, noteId, truncated, 'coupée.png'))).fields).toEqual({ file: ['file_unreadable'] });
		expect(stored().length).toBe(before);
	});

	it('refuses a file over the limit before reading it, saying both sizes', async () => {
		const a = await (await makeAccount(t.ctx)).viewer();
		const noteId = await noteOf(a);
		const size = ATTACHMENT_MAX_BYTES + 1;
		const unread = {
			size,
			arrayBuffer: () => {
				throw new Error('read although too large');
			}
		} as unknown as Blob;
		const e = await refusal(uploadAttachment(t.ctx, a, noteId, { file: unread, filename: 'film.mp4' }));
		expect(e).toBeInstanceOf(PayloadTooLargeError);
		expect(e.status).toBe(413);
		expect(e.fields).toEqual({ file: ['file_too_large'] });
		expect(e.extensions).toEqual({ maxBytes: ATTACHMENT_MAX_BYTES, size });
		expect(e.message).toBe(`The file (${size} bytes) is over the limit of ${ATTACHMENT_MAX_BYTES} bytes`);
		expect((await refusal(upload(a, noteId, new Uint8Array(30 * 1024 * 1024), 'x.pdf'))).message).toMatch(
			/^The file \(30\sMB\) is over the limit of 25\sMB$/
		);
		// Exactly at the limit is fine.
		const atLimit = new Uint8Array(ATTACHMENT_MAX_BYTES);
		atLimit.set(files.pdf());
		await expect(upload(a, noteId, atLimit, 'gros.pdf')).resolves.toMatchObject({ size: ATTACHMENT_MAX_BYTES });
	});

	it('lets only those who may edit the note attach, and checks the alt text', async () => {
		const author = await (await makeAccount(t.ctx)).viewer();
		const other = await (await makeAccount(t.ctx)).viewer();
		const admin = await (await makeAccount(t.ctx, { admin: true })).viewer();
		const open = await noteOf(author);
		await setNoteStatus(t.ctx.db, author, open, 'published');
		const hidden = await noteOf(author, { visibility: 'private' });
		const input: UploadInput = { file: files.pdf(), filename: 'a.pdf' };
		await expect(uploadAttachment(t.ctx, anonymous, open, input)).rejects.toThrow(UnauthorizedError);
		await expect(uploadAttachment(t.ctx, other, open, input)).rejects.toThrow(ForbiddenError);
		await expect(uploadAttachment(t.ctx, other, hidden, input)).rejects.toThrow(NotFoundError);
		await expect(uploadAttachment(t.ctx, author, 'AAAAAAAAAAAAAAAA', input)).rejects.toThrow(NotFoundError);
		await expect(uploadAttachment(t.ctx, admin, hidden, input)).resolves.toMatchObject({ kind: 'document' });
		const long = await refusal(uploadAttachment(t.ctx, author, open, { ...input, altText: 'x'.repeat(501) }));
		expect(long.fields).toEqual({ alt: ['alt_text_too_long'] });
		const nameless = await refusal(uploadAttachment(t.ctx, author, open, { file: new Blob([files.pdf()]) }));
		expect(nameless.fields).toEqual({ file: ['file_missing'] });
	});
});

describe('changing and deleting', () => {
	it('changes the alt text and deletes the file, for the note’s authors only', async () => {
		const author = await (await makeAccount(t.ctx)).viewer();
		const other = await (await makeAccount(t.ctx)).viewer();
		const noteId = await noteOf(author);
		await setNoteStatus(t.ctx.db, author, noteId, 'published');
		const otherNote = await noteOf(author);
		const att = await upload(author, noteId, await files.pngWithExif(), 'x.png');
		const updated = await updateAltText(t.ctx, author, noteId, att.id, { altText: 'Un plan' });
		expect(updated).toMatchObject({ altText: 'Un plan', markdown: `![Un plan](/files/${att.id}/x.png)` });
		await expect(updateAltText(t.ctx, other, noteId, att.id, { altText: 'x' })).rejects.toThrow(ForbiddenError);
		// Through another note the author may edit, the attachment does not exist.
		await expect(updateAltText(t.ctx, author, otherNote, att.id, { altText: 'x' })).rejects.toThrow(NotFoundError);
		await expect(deleteAttachment(t.ctx, other, noteId, att.id)).rejects.toThrow(ForbiddenError);
		await expect(deleteAttachment(t.ctx, author, otherNote, att.id)).rejects.toThrow(NotFoundError);

		const { attachment } = await openAttachment(t.ctx, author, att.id);
		const path = join(t.ctx.config.dataDir, 'files', 'attachments', attachment.storageKey);
		expect(existsSync(path)).toBe(true);
		await deleteAttachment(t.ctx, author, noteId, att.id);
		expect(existsSync(path)).toBe(false);
		await expect(openAttachment(t.ctx, author, att.id)).rejects.toThrow(NotFoundError);
		await expect(deleteAttachment(t.ctx, author, noteId, att.id)).rejects.toThrow(NotFoundError);
	});
});
