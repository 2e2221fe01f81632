// A notebook's cover picture: checked from its bytes, re-encoded as a WebP at most 1600 px wide without metadata, and
// stored under a new random key each time, so its URL names one version and may be cached for long.
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { NotFoundError, PayloadTooLargeError, UnsupportedMediaError, ValidationError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { canViewNotebook } from '../../domain/visibility.ts';
import { anonymous, type Viewer } from '../../domain/viewer.ts';
import type { Ctx } from '../context.ts';
import { schema } from '../db/index.ts';
import { nextVersionTime } from '../db/versions.ts';
import { deleteFile, isStorageKey, putFile, readFileBytes } from '../storage/index.ts';
import { notebookFor } from './access.ts';
import { COVER_MAX_BYTES, COVER_TYPES } from './schemas.ts';

export const COVER_WIDTH = 1600;
// A small file can declare a gigapixel canvas; decoding that would take gigabytes of memory.
const MAX_INPUT_PIXELS = 100_000_000;
const SHARP_FORMATS: Record<(typeof COVER_TYPES)[number], string> = {
	'image/jpeg': 'jpeg',
	'image/png': 'png',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'image/avif': 'heif'
};

const fileOf = (key: string) => `${key}.webp`;

/** Where a cover is served; the key changes with the picture, so the URL names one version. */
export const coverUrl = (notebookId: string, key: string | null): string | null =>
	key ? `/files/covers/${notebookId}/${fileOf(key)}` : null;

const unreadable = () => new ValidationError('The picture could not be read', { cover: ['file_unreadable'] });

/**
 * The bytes to store: the type comes from the bytes (the name and the browser's type are the client's word), and
 * re-encoding drops EXIF, GPS position and camera data (Loi 25) along with anything a crafted file hid.
 */
async function normaliseCover(upload: Blob): Promise<Buffer> {
	if (upload.size > COVER_MAX_BYTES)
		throw new PayloadTooLargeError(
			'The picture is over the limit',
			{ maxBytes: COVER_MAX_BYTES, size: upload.size },
			{ cover: ['cover_too_large'] }
		);
	if (upload.size === 0) throw new ValidationError('The file is empty', { cover: ['file_empty'] });
	const bytes = new Uint8Array(await upload.arrayBuffer());
	const mime = (await fileTypeFromBuffer(bytes))?.mime as (typeof COVER_TYPES)[number] | undefined;
	if (!mime || !COVER_TYPES.includes(mime))
		throw new UnsupportedMediaError('A cover is a JPEG, PNG, WebP, GIF or AVIF picture', COVER_TYPES, { cover: ['cover_type_refused'] });
	try {
		// Only the first frame of an animation: a cover stays still.
		const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false });
		if ((await image.metadata()).format !== SHARP_FORMATS[mime]) throw unreadable();
		return await image
			.autoOrient() // phone photos store their rotation in EXIF, which is about to be dropped
			.resize({ width: COVER_WIDTH, withoutEnlargement: true })
			.webp({ quality: 82 })
			.toBuffer();
	} catch (e) {
		if (e instanceof ValidationError) throw e;
		throw unreadable();
	}
}

/**
 * Managers set the cover from an uploaded picture with its alt text, or change only the alt text of the cover in
 * place (`upload` null). The previous file is deleted once the notebook points to the new one.
 * Throws NotFoundError / ForbiddenError as notebookFor, ValidationError (fields.cover: file_missing, file_empty,
 * file_unreadable), UnsupportedMediaError (415, cover_type_refused), PayloadTooLargeError (413, cover_too_large).
 */
export async function setNotebookCover(
	ctx: Pick<Ctx, 'db' | 'config'>,
	viewer: Viewer,
	notebookId: string,
	upload: Blob | null,
	alt: string
): Promise<void> {
	const { row } = await notebookFor(ctx.db, viewer, notebookId, 'manage');
	if (!upload) {
		if (!row.coverKey) throw new ValidationError('Choose a picture', { cover: ['file_missing'] });
		await ctx.db
			.update(schema.notebook)
			.set({ coverAlt: alt, updatedAt: nextVersionTime(schema.notebook.updatedAt) })
			.where(eq(schema.notebook.id, notebookId));
		return;
	}
	const webp = await normaliseCover(upload);
	const key = newId();
	await putFile(ctx.config.dataDir, 'covers', fileOf(key), webp);
	let old: string | null;
	try {
		old = await ctx.db.transaction(async (tx) => {
			const [current] = await tx
				.select({ coverKey: schema.notebook.coverKey })
				.from(schema.notebook)
				.where(eq(schema.notebook.id, notebookId))
				.for('update');
			await tx
				.update(schema.notebook)
				.set({ coverKey: key, coverAlt: alt, updatedAt: nextVersionTime(schema.notebook.updatedAt) })
				.where(eq(schema.notebook.id, notebookId));
			return current.coverKey;
		});
	} catch (e) {
		await deleteFile(ctx.config.dataDir, 'covers', fileOf(key));
		throw e;
	}
	if (old) await deleteFile(ctx.config.dataDir, 'covers', fileOf(old));
}

/** Managers remove the cover; its file is deleted. Removing when there is none does nothing. */
export async function removeNotebookCover(ctx: Pick<Ctx, 'db' | 'config'>, viewer: Viewer, notebookId: string): Promise<void> {
	await notebookFor(ctx.db, viewer, notebookId, 'manage');
	const old = await ctx.db.transaction(async (tx) => {
		const [current] = await tx
			.select({ coverKey: schema.notebook.coverKey })
			.from(schema.notebook)
			.where(eq(schema.notebook.id, notebookId))
			.for('update');
		await tx
			.update(schema.notebook)
			.set({ coverKey: null, coverAlt: '', updatedAt: nextVersionTime(schema.notebook.updatedAt) })
			.where(eq(schema.notebook.id, notebookId));
		return current.coverKey;
	});
	if (old) await deleteFile(ctx.config.dataDir, 'covers', fileOf(old));
}

/**
 * The cover's bytes for whoever may see the notebook, if `key` is its current cover; NotFoundError otherwise (an
 * older version, another notebook's cover, a hidden or deleted notebook all look the same). `isPublic` says whether
 * everyone may see it, so shared caches may keep it.
 */
export async function openNotebookCover(ctx: Pick<Ctx, 'db' | 'config'>, viewer: Viewer, notebookId: string, key: string) {
	const { row, facts } = await notebookFor(ctx.db, viewer, notebookId, 'view');
	if (!row.coverKey || row.coverKey !== key || !isStorageKey(key)) throw new NotFoundError('No such cover');
	const bytes = await readFileBytes(ctx.config.dataDir, 'covers', fileOf(key));
	if (!bytes) throw new NotFoundError('No such cover');
	return { bytes, isPublic: canViewNotebook(anonymous, facts) };
}
