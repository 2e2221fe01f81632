// Turns an uploaded picture into the one form we store: a 256×256 WebP with no metadata.
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { ValidationError } from '../../domain/errors.ts';
import { AVATAR_MAX_BYTES, AVATAR_TYPES } from './schemas.ts';

export const AVATAR_SIZE = 256;

// sharp's format names for the types we accept: the decoder must agree with the sniffed type.
const SHARP_FORMATS: Record<(typeof AVATAR_TYPES)[number], string> = {
	'image/jpeg': 'jpeg',
	'image/png': 'png',
	'image/webp': 'webp',
	'image/gif': 'gif'
};

// A 5 MB PNG can declare a gigapixel canvas; decoding that would take gigabytes of memory.
const MAX_INPUT_PIXELS = 50_000_000;

const refuse = (code: string) => new ValidationError('Avatar refused', { avatar: [code] });

/**
 * Checks the upload's size and its real type (from its bytes: the name and the browser's MIME type are the
 * client's word), then re-encodes it. Re-encoding drops EXIF, GPS position and camera data, which a profile
 * photo must not leak (Loi 25), and neutralises anything a crafted file might carry.
 * Throws ValidationError with fields.avatar = avatar_too_large | avatar_wrong_type | avatar_unreadable.
 */
export async function normaliseAvatar(upload: Blob): Promise<Buffer> {
	if (upload.size > AVATAR_MAX_BYTES) throw refuse('avatar_too_large');
	if (upload.size === 0) throw refuse('avatar_wrong_type');
	const bytes = new Uint8Array(await upload.arrayBuffer());
	const sniffed = await fileTypeFromBuffer(bytes);
	const mime = sniffed?.mime as (typeof AVATAR_TYPES)[number] | undefined;
	if (!mime || !AVATAR_TYPES.includes(mime)) throw refuse('avatar_wrong_type');
	try {
		// Only the first frame of an animated GIF or WebP: avatars stay still.
		const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false });
		const { format } = await image.metadata();
		if (format !== SHARP_FORMATS[mime]) throw refuse('avatar_wrong_type');
		return await image
			.autoOrient() // phone photos store their rotation in EXIF, which is about to be dropped
			.resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'attention' })
			.webp({ quality: 82 })
			.toBuffer();
	} catch (e) {
		if (e instanceof ValidationError) throw e;
		throw refuse('avatar_unreadable');
	}
}
